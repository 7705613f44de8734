/**
 * Build-time scan of `app/api/**\/route.ts` for the HTTP methods each route exports (see route-table.ts). Used by
 * next.config.ts; route-table.test.ts checks the scan against the modules' real exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const METHOD_EXPORT = /^export\s+(?:const|let|var|async\s+function|function)\s+(GET|HEAD|OPTIONS|POST|PUT|DELETE|PATCH)\b/gm;

export function scanApiRoutes(appDir: string): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const rel = path.relative(appDir, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@'));
        const methods = [...readFileSync(full, 'utf8').matchAll(METHOD_EXPORT)].map((m) => m[1]);
        table[`/${rel.join('/')}`] = [...new Set(methods)].sort();
      }
    }
  };
  walk(path.join(appDir, 'api'));
  return table;
}
