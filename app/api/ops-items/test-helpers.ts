/** Test helpers for the OpsItem routes: requests as the dashboard sends them (same origin, idempotency key). */
import { expect } from 'vitest';
import type { OpsItemDetail, OpsItemsResponse } from '@/lib/contracts/ops-items';
import { freshKey, HOST, postRequest } from '@/lib/testing/actions';
import { GET as listRoute, POST as createRoute } from './route';
import { GET as getRoute, PATCH as patchRoute } from './[id]/route';
import { POST as bulkRoute } from './bulk/route';

const params = (id: string) => ({ params: Promise.resolve({ id }) });

export async function list(query = ''): Promise<OpsItemsResponse> {
  const res = await listRoute(new Request(`http://${HOST}/api/ops-items${query ? `?${query}` : ''}`), undefined);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

export async function detail(id: string): Promise<OpsItemDetail> {
  const res = await getRoute(new Request(`http://${HOST}/api/ops-items/${id}`), params(id));
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

export const getRaw = (id: string, query = '') => getRoute(new Request(`http://${HOST}/api/ops-items/${id}${query}`), params(id));

export const create = (body: unknown, key = freshKey(), headers: Record<string, string> = {}) =>
  createRoute(postRequest('/api/ops-items', body, { 'idempotency-key': key, ...headers }), undefined);

export function patch(id: string, body: unknown, key = freshKey(), headers: Record<string, string> = {}) {
  const req = new Request(`http://${HOST}/api/ops-items/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin: `http://${HOST}`, host: HOST, 'idempotency-key': key, ...headers },
    body: JSON.stringify(body),
  });
  return patchRoute(req, params(id));
}

export const bulk = (body: unknown, key = freshKey()) => bulkRoute(postRequest('/api/ops-items/bulk', body, { 'idempotency-key': key }), undefined);

/** The error envelope of a 4xx answer, checked to be one. */
export async function errorOf(res: Response, status: number): Promise<{ code: string; message: string }> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
  return body.error;
}
