import { expect, test, type Page } from '@playwright/test';

/** The edge of the dashboard against hostile or clumsy requests: security headers, CSP, bad addresses, methods, sizes. */

/** Records every CSP violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

/** React put its fibers on the server-rendered DOM: the page hydrated (scripts ran under the CSP). */
const hydrated = (page: Page) =>
  page.waitForFunction(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber')), null, { timeout: 30_000 });

test('every page renders and hydrates under the nonce CSP, with no violation', async ({ page, request }) => {
  test.setTimeout(240_000); // eight pages, each until the network is idle
  const nodes = (await (await request.get('/api/nodes')).json()).nodes as { id: string }[];
  const violations = await watchCsp(page);
  for (const path of ['/', '/nodes', `/nodes/${nodes[0].id}`, '/patching', '/inventory', '/ops-items', '/runs', '/audit']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const csp = (await res!.allHeaders())['content-security-policy'];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    expect(violations, path).toEqual([]);
  }
  // A client-side navigation still works (scripts loaded by Next.js under 'strict-dynamic').
  await page.goto('/');
  await hydrated(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Nodes' }).click();
  await expect(page).toHaveURL(/\/nodes$/);
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('every answer carries the security headers and none says what server it is', async ({ request }) => {
  for (const path of ['/', '/api/nodes', '/api/nope', '/favicon.ico']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['x-powered-by'], path).toBeUndefined();
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['referrer-policy'], path).toBe('same-origin');
    if (path !== '/favicon.ico') expect(h['permissions-policy'], path).toContain('camera=()');
  }
  const html = await (await request.get('/')).text();
  const nonce = /'nonce-([^']+)'/.exec((await request.get('/')).headers()['content-security-policy'])![1];
  expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  // Every script of the page carries a nonce (a fresh one per response).
  expect([...html.matchAll(/<script(?![^>]*\bnonce=)[^>]*>/g)]).toEqual([]);
});

test('a page in a frame of another site is refused', async ({ page, baseURL }) => {
  await page.goto('about:blank');
  await page.setContent(`<iframe id="f" src="${baseURL}/nodes"></iframe>`);
  await page.waitForTimeout(1_500);
  const frame = page.frames().find((f) => f.url().includes('/nodes'));
  // Chromium replaces a refused frame's document: the dashboard's own content never appears in it.
  const content = frame ? await frame.content().catch(() => '') : '';
  expect(content).not.toContain('SSM Fleet');
});

test('malformed addresses get a 400 envelope under /api and the app’s own page elsewhere', async ({ page, request }) => {
  for (const path of ['/api/nodes/%E0', '/api/runs/%E0', '/api/ops-items/%', '/api/nodes/%E0/patches']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error, path).toMatchObject({ code: 'BadRequest' });
  }
  for (const path of ['/runs/%E0', '/nodes/%E0', '/ops-items/%C0%AF']) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBeLessThan(500);
    await expect(page.getByRole('heading', { name: 'Bad address' }), path).toBeVisible();
    await expect(page.getByRole('link', { name: 'SSM Fleet' })).toBeVisible(); // inside the app's layout
  }
  // Decoded once by Next.js: "%25" is a literal percent sign, not a crash in generateMetadata.
  const pct = await page.goto('/nodes/%25');
  expect(pct!.status()).toBe(200);
  await expect(page).toHaveTitle(/^% · SSM Fleet/);
  await expect(page.getByText('“%” is not a node ID')).toBeVisible();
  await page.goto('/nodes/%2541');
  await expect(page.getByText('“%41” is not a node ID')).toBeVisible();
});

test('wrong methods get 405 with Allow, unknown API paths a 404 envelope', async ({ request }) => {
  const post = await request.post('/api/nodes', { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  expect((await post.json()).error.code).toBe('MethodNotAllowed');
  const del = await request.delete('/api/runs/r-1');
  expect(del.status()).toBe(405);
  expect(del.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  const put = await request.put('/api/ops-items/oi-0123456789ab', { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers()['allow']).toBe('GET, HEAD, OPTIONS, PATCH');
  for (const method of ['GET', 'POST', 'DELETE']) {
    const res = await request.fetch('/api/no/such/route', { method });
    expect(res.status(), method).toBe(404);
    expect((await res.json()).error.code).toBe('NotFound');
  }
  expect((await request.get('/api/nodes/i-0123456789abcdef0/nope')).status()).toBe(404);
});

test('over-long URLs and headers, and bodies past every limit, get the JSON envelope', async ({ request }) => {
  const long = await request.get(`/api/nodes?x=${'a'.repeat(10_000)}`);
  expect(long.status()).toBe(414);
  expect((await long.json()).error.code).toBe('UriTooLong');
  const headers = await request.get('/api/nodes', { headers: { 'x-junk': 'b'.repeat(13_000) } });
  expect(headers.status()).toBe(431);
  expect((await headers.json()).error.code).toBe('HeadersTooLarge');
  const big = await request.post('/api/ops-items', { headers: { 'content-type': 'application/json' }, data: Buffer.alloc(5 * 1024 * 1024, 0x20) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe('BodyTooLarge');
  const deep = await request.post('/api/runs/preview', { headers: { 'content-type': 'application/json' }, data: '['.repeat(50_000) + ']'.repeat(50_000) });
  expect(deep.status()).toBe(400);
  expect((await deep.json()).error.message).toMatch(/nests deeper/);
});
