import 'server-only';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** Where the audit log and run history live: DATA_DIR (default ./.data), file dashboard.db. */
export function databasePath(): string {
  return path.resolve(process.env.DATA_DIR || '.data', 'dashboard.db');
}

const g = globalThis as unknown as { __dashboardDb?: { path: string; db: Db } };

/**
 * The embedded database, opened once per process. WAL with synchronous=FULL: a committed audit record survives the
 * process or the machine dying right after the commit.
 */
export function db(): Db {
  const file = databasePath();
  if (g.__dashboardDb?.path === file && g.__dashboardDb.db.open) return g.__dashboardDb.db;
  mkdirSync(path.dirname(file), { recursive: true });
  const d = new Database(file);
  d.pragma('journal_mode = WAL');
  d.pragma('synchronous = FULL');
  d.pragma('busy_timeout = 5000');
  d.pragma('foreign_keys = ON');
  migrate(d);
  g.__dashboardDb = { path: file, db: d };
  return d;
}

function migrate(d: Db): void {
  d.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = d.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  let version = row?.version ?? 0;
  if (!row) d.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  for (const [i, sql] of MIGRATIONS.entries()) {
    if (i < version) continue;
    d.transaction(() => {
      d.exec(sql);
      d.prepare('UPDATE schema_version SET version = ?').run(i + 1);
    })();
    version = i + 1;
  }
}

/** Tests: close the database (a "restart" reopens it from disk). */
export function closeDb(): void {
  g.__dashboardDb?.db.close();
  delete g.__dashboardDb;
}
