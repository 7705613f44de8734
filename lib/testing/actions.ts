/** Test helpers for the action routes: same-origin requests with an idempotency key, as the dashboard sends them. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeDb } from '@/lib/db/database';

export const HOST = 'dash.test';

export function useTempDataDir(): string {
  closeDb();
  const dir = mkdtempSync(path.join(tmpdir(), 'ssm-fleet-test-'));
  process.env.DATA_DIR = dir;
  return dir;
}

export function postRequest(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://${HOST}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://${HOST}`, host: HOST, ...headers },
    body: JSON.stringify(body),
  });
}

let n = 0;
export const freshKey = () => `test-key-${Date.now().toString(36)}-${(++n).toString().padStart(6, '0')}`;
