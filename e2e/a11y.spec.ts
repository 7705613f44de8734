import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/**
 * Accessibility of every page, in the light and the dark colour scheme: axe-core's WCAG 2 A/AA rules, and no violation
 * that axe rates serious or critical. Each page is analysed once its data has loaded (its content is visible, nothing
 * says "Loading…", the charts are drawn), in both schemes (prefers-color-scheme, switched in place), and again with its
 * dialogs and popovers open where it has them.
 */

const PORT = Number(process.env.E2E_PORT || 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT || 4610}`;
const clock = (request: APIRequestContext, speed: number) => request.post(`${MOCK}/__mock/clock`, { data: { speed } });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const RUN_COMMENT = 'e2e accessibility';
const SCHEMES = ['light', 'dark'] as const;

type Fixture = { online: string; notManaged: string; runId: string; opsItemId: string };
let fx: Fixture;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL: BASE });
  try {
    const nodes = ((await (await request.get('/api/nodes')).json()) as { nodes: { id: string; managed: boolean; ping: string }[] }).nodes;
    const online = nodes.find((n) => n.managed && n.ping === 'Online');
    const notManaged = nodes.find((n) => n.ping === 'NotManaged');
    expect(online, 'the demo fleet has an Online managed node').toBeTruthy();
    expect(notManaged, 'the demo fleet has a running EC2 instance that SSM does not manage').toBeTruthy();

    // A run with failures (as in run-command.spec): the run page then shows its triage groups, a failed node's output.
    // Started once: a worker that restarts after a failed test finds it again.
    const runs = ((await (await request.get('/api/runs')).json()) as { runs: { id: string; comment: string | null }[] }).runs;
    const earlier = runs.find((r) => r.comment === RUN_COMMENT);
    const runId = earlier?.id ?? (await startRun(request));
    await expect.poll(async () => ((await (await request.get(`/api/runs/${runId}`)).json()) as { done?: boolean }).done, { timeout: 90_000, intervals: [1_000] }).toBe(true);
    await clock(request, 1);

    const items = ((await (await request.get('/api/ops-items')).json()) as { items: { id: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    fx = { online: online!.id, notManaged: notManaged!.id, runId, opsItemId: items[0].id };
  } finally {
    await request.dispose();
  }
});


async function startRun(request: APIRequestContext): Promise<string> {
  const run = {
    document: 'AWS-RunShellScript', parameters: { commands: ['systemctl restart nginx'] }, targets: { mode: 'tags', tags: [{ key: 'Environment', values: ['staging'] }] },
    maxConcurrency: '100%', maxErrors: '100%', timeoutSeconds: 600, comment: RUN_COMMENT,
  };
  const preview = await request.post('/api/runs/preview', { headers: { origin: BASE }, data: run });
  expect(preview.ok()).toBe(true);
  await clock(request, 300); // simulated minutes pass in seconds
  const sent = await request.post('/api/runs', {
    headers: { origin: BASE, 'idempotency-key': `e2e-a11y-${Date.now()}` },
    data: { ...run, previewToken: (await preview.json()).previewToken },
  });
  expect(sent.ok()).toBe(true);
  return (await sent.json()).runId as string;
}

test.afterEach(async ({ request }) => {
  await clock(request, 1);
});

/** Waits until the page has its data: `ready` is visible, no "Loading…" is left, the charts are drawn, fonts loaded. */
async function settle(page: Page, ready: Locator) {
  await expect(ready.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-chart-loading]')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(800); // chart and popover transitions end
}

/** The serious and critical violations, each as one readable line: rule, impact, what it means, where (first 3 targets). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      const first = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 240) ?? '';
      return `${v.id} [${v.impact}] ${v.help}: ${v.nodes.length} element(s): ${where}${v.nodes.length > 3 ? ' | …' : ''} (${first})`;
    });
}

/** Analyses the page in the light scheme, then in the dark one (switched in place: the same content in both). */
async function expectAccessible(page: Page, what: string) {
  const report: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    await page.waitForTimeout(200); // styles recomputed, transitions ended
    const found = await violations(page);
    if (found.length) report.push(`${what}, ${colorScheme} scheme: ${found.length} serious/critical axe violation(s):`, ...found.map((f) => `  ${f}`));
  }
  expect(report, report.join('\n')).toEqual([]);
}

type Visit = { name: string; path: () => string; ready: (page: Page) => Locator; then?: (page: Page) => Promise<void> };

const PAGES: Visit[] = [
  { name: 'overview', path: () => '/', ready: (p) => p.getByTestId('chart-ping') },
  { name: 'nodes', path: () => '/nodes', ready: (p) => p.getByTestId('node-row') },
  {
    name: 'nodes, a filter open', path: () => '/nodes', ready: (p) => p.getByTestId('node-row'),
    then: async (p) => {
      await p.getByTestId('filter-ping').click();
      await expect(p.getByRole('dialog')).toBeVisible();
    },
  },
  { name: 'nodes, grouped', path: () => '/nodes?group=tag%3AEnvironment', ready: (p) => p.getByTestId('group-row') },
  { name: 'an Online node', path: () => `/nodes/${fx.online}`, ready: (p) => p.getByTestId('node-patches') },
  {
    name: 'an Online node, its inventory', path: () => `/nodes/${fx.online}`, ready: (p) => p.getByTestId('node-inventory'),
    then: async (p) => {
      await expect(p.getByTestId('inventory-entry').first()).toBeVisible({ timeout: 30_000 });
    },
  },
  // Its diagnosis (why it is not managed) loaded: the top cause with its fix.
  { name: 'a node not managed by SSM', path: () => `/nodes/${fx.notManaged}`, ready: (p) => p.getByTestId('node-diagnosis').getByTestId('top-cause') },
  { name: 'patching', path: () => '/patching', ready: (p) => p.getByTestId('baselines') },
  { name: 'commands', path: () => '/commands', ready: (p) => p.getByTestId('command-row') },
  { name: 'runs', path: () => '/runs', ready: (p) => p.getByTestId('runs-table') },
  {
    name: 'runs, the new-run dialog with a preview', path: () => '/runs', ready: (p) => p.getByTestId('runs-table'),
    then: async (p) => {
      await p.getByTestId('new-run').click();
      const dialog = p.getByRole('dialog', { name: 'New run' });
      await dialog.getByLabel('Search documents').fill('RunShell');
      await dialog.getByRole('option', { name: /AWS-RunShellScript/ }).click();
      await dialog.getByLabel('commands').fill('uptime');
      await dialog.getByLabel('Tag key 1').fill('Environment');
      await dialog.getByLabel('Tag values 1').fill('staging');
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await expect(dialog.getByTestId('run-preview')).toBeVisible();
    },
  },
  { name: 'a run', path: () => `/runs/${fx.runId}`, ready: (p) => p.getByTestId('triage-group') },
  {
    name: 'a run, a failed node\'s output', path: () => `/runs/${fx.runId}`, ready: (p) => p.getByTestId('triage-group'),
    then: async (p) => {
      await p.locator('[data-testid=run-node][data-status=failed]').first().locator('[data-col=region]').click();
      await expect(p.getByTestId('output-panel').locator('pre').first()).toBeVisible();
    },
  },
  {
    name: 'a run, an OpsItem from a failure group', path: () => `/runs/${fx.runId}`, ready: (p) => p.getByTestId('triage-group'),
    then: async (p) => {
      await p.getByTestId('triage-create-ops-item').first().click();
      await expect(p.getByTestId('create-preview')).toBeVisible();
    },
  },
  { name: 'inventory', path: () => '/inventory', ready: (p) => p.getByTestId('catalog-app') },
  { name: 'inventory, a software search', path: () => '/inventory?name=openssl&version=lt%3A3.0.13', ready: (p) => p.getByTestId('software-match') },
  { name: 'OpsItems', path: () => '/ops-items', ready: (p) => p.getByTestId('ops-item-row') },
  {
    name: 'OpsItems, the create dialog', path: () => '/ops-items', ready: (p) => p.getByTestId('ops-item-row'),
    then: async (p) => {
      await p.getByTestId('create-ops-item').click();
      await expect(p.getByRole('dialog', { name: 'Create OpsItem' })).toBeVisible();
    },
  },
  { name: 'an OpsItem', path: () => `/ops-items/${fx.opsItemId}`, ready: (p) => p.getByTestId('ops-item-title') },
  { name: 'diagnosis', path: () => '/diagnosis', ready: (p) => p.getByTestId('cause-group') },
  { name: 'audit', path: () => '/audit', ready: (p) => p.getByTestId('audit-row') },
  { name: 'not found', path: () => '/no-such-page', ready: (p) => p.getByTestId('not-found') },
];

for (const visit of PAGES) {
  test(`${visit.name}: no serious or critical axe violations, light and dark`, async ({ page }) => {
    await page.goto(visit.path());
    await settle(page, visit.ready(page));
    if (visit.then) {
      await visit.then(page);
      await settle(page, visit.ready(page));
    }
    await expectAccessible(page, visit.name);
  });
}

/** sRGB relative luminance of a CSS colour property of the first element matching `selector` (any colour syntax). */
const luminance = (page: Page, selector: string, property: 'color' | 'background-color') =>
  page.locator(selector).first().evaluate((el, prop) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.fillStyle = getComputedStyle(el).getPropertyValue(prop);
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, property);

test('the pages follow the system colour scheme; the header bar stays dark in both', async ({ page }) => {
  await page.goto('/');
  await settle(page, page.getByTestId('chart-ping'));
  const card = '[data-testid=chart-ping]';
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const dark = colorScheme === 'dark';
    for (const [what, selector] of [['page', 'body'], ['card', card]] as const) {
      const bg = await luminance(page, selector, 'background-color');
      const fg = await luminance(page, selector, 'color');
      expect(dark ? bg < 0.05 && fg > 0.6 : bg > 0.8 && fg < 0.1, `${colorScheme}: the ${what}'s background (luminance ${bg.toFixed(3)}) and text (${fg.toFixed(3)})`).toBe(true);
    }
    expect(await luminance(page, 'header', 'background-color'), `${colorScheme}: the header bar`).toBeLessThan(0.05);
  }
});
