// Preloaded (NODE_OPTIONS=--import) into every process of the Node 24 test run, vitest's workers and the processes the
// tests start included. better-sqlite3 is the one dependency compiled against V8's ABI, and node_modules holds its build
// for the machine's Node; a process on Node 24 loads the Node 24 build made by scripts/lib/node24.ts instead. Only that
// one file is swapped, and only in a process whose ABI is the one it was built for; everything else is the same install.
import { realpathSync } from 'node:fs';

const { NODE24_ADDON_FROM: from, NODE24_ADDON_TO: to, NODE24_ADDON_ABI: abi } = process.env;

if (from && to && process.versions.modules === abi) {
  const dlopen = process.dlopen;
  const real = (p) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  process.dlopen = function (module, filename, ...rest) {
    return dlopen.call(this, module, real(filename) === from ? to : filename, ...rest);
  };
}
