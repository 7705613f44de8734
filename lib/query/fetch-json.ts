import { ApiErrorBodySchema, ApiRequestError } from '@/lib/contracts/errors';

/** GET/POST JSON from our own API; an error envelope becomes an ApiRequestError carrying its code. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    throw new ApiRequestError(0, 'NetworkError', `The dashboard server did not answer (${(err as Error).message}).`);
  }
  if (res.ok) {
    if (res.headers.get('content-type')?.startsWith('application/gzip') && res.body) {
      // A body the server gzipped once for everyone (see /api/nodes); unzip it here.
      return (await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).json()) as T;
    }
    return (await res.json()) as T;
  }
  const body = ApiErrorBodySchema.safeParse(await res.json().catch(() => null));
  if (body.success) throw new ApiRequestError(res.status, body.data.error.code, body.data.error.message);
  throw new ApiRequestError(res.status, 'HttpError', `The dashboard server answered HTTP ${res.status}.`);
}
