/** Item 2: a database flooded before the fix is compacted by the migration (refused records lose their stored bodies). */
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, it } from 'vitest';
import { MIGRATIONS } from '@/lib/db/migrations';
import { closeDb } from '@/lib/db/database';
import { queryAudit } from './audit';
import { useTempDataDir } from '@/lib/testing/actions';

it('compacts refused records that stored a body, keeping who, why and the size they had', () => {
  const dir = useTempDataDir();
  const old = new Database(path.join(dir, 'dashboard.db'));
  old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3);');
  for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
  const insert = old.prepare(
    "INSERT INTO audit (at, actor, actor_source, action, status, parameters, targets, error_code, error_message) VALUES (?, 'anonymous', 'anonymous', 'run:send', ?, ?, '[]', ?, ?)",
  );
  const fat = JSON.stringify({ document: 'A'.repeat(200_000) });
  insert.run('2026-11-01T00:00:00.000Z', 'refused', fat, 'ReadOnlyMode', 'read-only');
  insert.run('2026-11-02T00:00:00.000Z', 'succeeded', JSON.stringify({ document: 'AWS-RunShellScript' }), null, null);
  old.close();
  closeDb();
  const [ok, refused] = queryAudit({ limit: 10, format: 'json' }).records;
  expect(refused).toMatchObject({ status: 'refused', errorCode: 'ReadOnlyMode', parameters: {}, targets: [], bodyBytes: fat.length + 2, route: null });
  expect(ok).toMatchObject({ status: 'succeeded', parameters: { document: 'AWS-RunShellScript' }, bodyBytes: null });
});
