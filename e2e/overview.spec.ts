import { expect, test, type Locator, type Page } from '@playwright/test';

/** "1,234 of 9,600 nodes" on the nodes page. */
const rowCount = async (page: Page) => {
  await expect(page.getByTestId('row-count')).toBeVisible();
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  return Number(/^([\d,]+) of/.exec(text)![1].replace(/,/g, ''));
};
/** The count a chart segment link announces: "Ubuntu: 2,861 nodes". */
const announced = async (link: Locator) => Number(/: ([\d,]+) nodes/.exec((await link.getAttribute('aria-label')) ?? '')![1].replace(/,/g, ''));

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('chart-ping')).toBeVisible();
});

test('the status chart: "Connection lost" opens exactly those nodes', async ({ page }) => {
  const segment = page.getByTestId('ping-segment-ConnectionLost');
  const figure = Number(((await segment.getByTestId('segment-count').textContent()) ?? '').replace(/,/g, ''));
  expect(figure).toBeGreaterThan(0);
  await segment.click();
  await expect(page).toHaveURL(/\/nodes\?ping=ConnectionLost/);
  expect(await rowCount(page)).toBe(figure);
  const statuses = await page.getByTestId('node-row').locator('[data-col=ping]').allTextContents();
  expect(new Set(statuses)).toEqual(new Set(['Connection lost']));
});

test('a platform bar is a link (SVG segment) to that platform\'s managed nodes, with the same count', async ({ page }) => {
  const bar = page.getByTestId('chart-platform').getByRole('link', { name: /^Ubuntu: / });
  const figure = await announced(bar);
  expect(figure).toBeGreaterThan(0);
  await bar.click();
  await expect(page).toHaveURL(/\/nodes\?.*platform=Ubuntu/);
  expect(await rowCount(page)).toBe(figure);
});

test('segments work from the keyboard: an OS version bar, focused and opened with Enter', async ({ page }) => {
  const bar = page.getByTestId('chart-os').getByRole('link', { name: /^Ubuntu 22\.04: / });
  const figure = await announced(bar);
  await bar.focus();
  await expect(bar).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/os=Ubuntu\+22\.04/);
  expect(await rowCount(page)).toBe(figure);
  const platforms = await page.getByTestId('node-row').locator('[data-col=platform]').allTextContents();
  expect(new Set(platforms)).toEqual(new Set(['Ubuntu 22.04']));
});

test('the patch matrix, an agent version and an AMI open matching node views', async ({ page }) => {
  const cell = page.getByTestId('patch-cell-prod-critical');
  const critical = Number(((await cell.textContent()) ?? '').replace(/,/g, ''));
  expect(critical).toBeGreaterThan(0);
  await cell.click();
  await expect(page).toHaveURL(/tag=Environment%3Dprod/);
  await expect(page).toHaveURL(/patch=critical/);
  expect(await rowCount(page)).toBe(critical);

  await page.goBack();
  const agent = page.getByTestId('chart-agent').getByRole('link', { name: /^[\d.]+: [\d,]+ nodes$/ }).first(); // an outdated version
  const agents = await announced(agent);
  await agent.click();
  await expect(page).toHaveURL(/agentv=/);
  expect(await rowCount(page)).toBe(agents);

  await page.goBack();
  const ami = page.getByTestId('chart-ami-top').getByRole('link', { name: /^ami-/ }).first();
  const amiNodes = await announced(ami);
  await ami.click();
  await expect(page).toHaveURL(/ami=ami-/);
  expect(await rowCount(page)).toBe(amiNodes);
});

test('trends: 7, 30 and 90 days, with simulated history marked, or an honest empty state', async ({ page }) => {
  const trends = page.getByTestId('history-trends');
  // The section re-renders when its history arrives: wait for it rather than scroll a node that may be replaced.
  await expect(trends.getByRole('button', { name: '30 days' })).toBeVisible();
  for (const days of ['7 days', '90 days', '30 days']) {
    await trends.getByRole('button', { name: days }).click();
    await expect(trends.getByRole('button', { name: days })).toHaveAttribute('aria-pressed', 'true');
    await expect(trends.getByTestId('trend-compliance').or(trends.getByTestId('history-empty'))).toBeVisible();
  }
  if (await trends.getByTestId('trend-compliance').isVisible()) {
    await expect(trends.getByTestId('trend-connectivity')).toBeVisible();
    await expect(trends.getByTestId('trend-agents')).toBeVisible();
    const legend = trends.getByTestId('history-legend');
    if (await legend.getByText('simulated history').count()) await expect(trends.getByText('simulated').first()).toBeVisible();
  }
});

test('at 375 px the charts stack and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByTestId('chart-ping')).toBeVisible();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const ping = await page.getByTestId('chart-ping').boundingBox();
  const platform = await page.getByTestId('chart-platform').boundingBox();
  expect(platform!.y).toBeGreaterThan(ping!.y + ping!.height - 1);
});
