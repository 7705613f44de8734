import { expect, test, type Page } from '@playwright/test';

const rowCount = async (page: Page) => {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  return Number(/^([\d,]+) of/.exec(text)![1].replace(/,/g, ''));
};

test('overview figures link to the matching nodes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const lost = page.getByTestId('stat-connection-lost');
  const figure = Number(((await lost.locator('div').nth(1).textContent()) ?? '').replace(/,/g, ''));
  expect(figure).toBeGreaterThan(0);
  await lost.click();
  await expect(page).toHaveURL(/\/nodes\?ping=ConnectionLost/);
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  expect(await rowCount(page)).toBe(figure);
  const statuses = await page.getByTestId('node-row').locator('[data-col=ping]').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Connection lost']));
});

test('filter by ping status, group by a tag, and get the same view back from the URL', async ({ page }) => {
  await page.goto('/nodes');
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  const total = await rowCount(page);

  await page.getByTestId('filter-ping').click();
  const online_ = page.getByRole('dialog').getByLabel(/^Online/);
  await online_.click();
  await expect(online_).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/ping=Online/);
  const online = await rowCount(page);
  expect(online).toBeGreaterThan(0);
  expect(online).toBeLessThan(total);

  await page.getByLabel('Group by').selectOption('tag:Environment');
  await expect(page).toHaveURL(/group=tag%3AEnvironment/);
  const groups = page.getByTestId('group-row');
  await expect(groups.first()).toBeVisible();
  const values = await groups.getByTestId('group-value').allTextContents();
  expect(values).toEqual(expect.arrayContaining(['dev', 'prod', 'staging']));
  const counts = (await groups.getByTestId('group-count').allTextContents()).map((c) => Number(c.replace(/,/g, '')));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(online);
  // Groups start collapsed; opening one shows its nodes, all with that tag value.
  await expect(page.getByTestId('node-row')).toHaveCount(0);
  await groups.filter({ hasText: 'prod' }).getByRole('button').click();
  await expect(page.getByTestId('node-row').first()).toBeVisible();

  // Sort by last ping, newest first, then share the link: a reload gives the same view.
  await page.getByRole('columnheader', { name: /Last ping/ }).click();
  await page.getByRole('columnheader', { name: /Last ping/ }).click();
  await expect(page).toHaveURL(/sort=lastPing&dir=desc|dir=desc.*sort=lastPing|sort=lastPing.*dir=desc/);
  const url = page.url();
  const firstGroups = values;
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByTestId('group-row').first()).toBeVisible();
  expect(await rowCount(page)).toBe(online);
  expect(await page.getByTestId('group-row').getByTestId('group-value').allTextContents()).toEqual(firstGroups);
  await expect(page.getByRole('columnheader', { name: /Last ping/ })).toHaveAttribute('aria-sort', 'descending');
});

test('open a node and copy its Session Manager command', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/nodes?ping=Online&sort=name');
  const first = page.getByTestId('node-row').first();
  const id = await first.getAttribute('data-node-id');
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cmd = page.getByTestId('cmd-start-session');
  await expect(cmd).toHaveText(new RegExp(`^aws ssm start-session --target ${id} --region [a-z0-9-]+$`));
  const copy = page.getByRole('button', { name: `Copy: ${await cmd.textContent()}`, exact: true });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await cmd.textContent());
  const console_ = page.getByRole('link', { name: /Start session \(console\)/ });
  await expect(console_).toHaveAttribute('href', new RegExp(`^https://[a-z0-9-]+\\.console\\.aws\\.amazon\\.com/systems-manager/session-manager/${id}\\?region=`));
});

test('export the current view as CSV', async ({ page }) => {
  await page.goto('/nodes?platform=Ubuntu&cols=name,id,platform');
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  const n = await rowCount(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Node ID,Region,Name,Platform');
  expect(lines).toHaveLength(n + 1);
  expect(lines.slice(1).every((l) => l.includes('Ubuntu'))).toBe(true);
});

test('bad links and bad requests say what is wrong', async ({ page, request }) => {
  await page.goto('/nodes/not-a-node');
  await expect(page.getByText('“not-a-node” is not a node ID')).toBeVisible();
  await page.goto('/nodes/i-0000000000000dead');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();

  const bad = await request.get('/api/nodes?ping=Sleeping');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/ping/) });
  const unknown = await request.get('/api/nodes/i-0000000000000dead');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NodeNotFound');
});
