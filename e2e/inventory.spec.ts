import { expect, test } from '@playwright/test';

const number = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test('search openssl older than 3.0.13, open a node from the results and see its inventory', async ({ page }) => {
  await page.goto('/inventory');
  await expect(page.getByTestId('catalog-app').first()).toBeVisible();
  await page.getByLabel('Software name').fill('openssl');
  await page.getByLabel('Version operator').selectOption('lt');
  await page.getByLabel('Version', { exact: true }).fill('3.0.13');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/name=openssl.*version=lt%3A3\.0\.13/);

  // The versions are split into matching and not matching in each packaging system's order.
  const versions = page.getByTestId('search-version');
  await expect(versions.first()).toBeVisible();
  const matched = await page.locator('[data-testid=search-version][data-matched=true]').allTextContents();
  const unmatched = await page.locator('[data-testid=search-version][data-matched=false]').allTextContents();
  expect(matched.length).toBeGreaterThan(0);
  expect(unmatched.some((t) => t.includes('3.0.13-0ubuntu3') || t.includes('3.2.2'))).toBe(true); // newer: not matched
  expect(matched.some((t) => t.includes('1:3.0.8-1.amzn2023') || t.includes('3.0.2-0ubuntu1'))).toBe(true); // older: matched
  expect(matched.every((t) => !t.includes('3.0.13-') && !t.includes('3.2.2'))).toBe(true);

  const nodes = number(await page.getByTestId('search-summary').locator('span').first().textContent());
  expect(nodes).toBeGreaterThan(0);
  const first = page.getByTestId('software-match').first();
  const version = (await first.locator('[data-col=version]').textContent())!.trim();
  const link = first.getByRole('link');
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(href);

  // The node's own inventory lists that openssl version.
  const inventory = page.getByTestId('node-inventory');
  await expect(inventory).toBeVisible();
  await expect(inventory.getByTestId('inventory-captured')).toBeVisible();
  await expect(inventory.getByTestId('inventory-count')).toContainText(/pages? of 50/, { timeout: 30_000 });
  await inventory.getByLabel('Search inventory').fill('openssl');
  const row = inventory.getByTestId('inventory-entry').filter({ has: page.locator('[data-col=Name]', { hasText: /^openssl$/ }) });
  await expect(row).toHaveCount(1);
  // RPM rows show Version and Release in their own columns; the search shows epoch:version-release.
  const shown = (await row.locator('[data-col=Version]').textContent())!.trim();
  expect(version.includes(shown)).toBe(true);

  await inventory.getByRole('tab', { name: 'Network' }).click();
  await expect(inventory.getByTestId('inventory-entry').first()).toBeVisible();
});

test('the search opens the nodes table on exactly the matching nodes', async ({ page }) => {
  await page.goto('/inventory?name=openssl&version=lt%3A3.0.13');
  const nodes = number(await page.getByTestId('search-summary').locator('span').first().textContent());
  expect(nodes).toBeGreaterThan(0);
  await page.getByTestId('open-in-nodes').click();
  await expect(page).toHaveURL(/\/nodes\?sw=openssl%40lt%3A3\.0\.13/);
  await expect(page.getByRole('button', { name: /Software: openssl < 3\.0\.13/ })).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText(new RegExp(`^${nodes.toLocaleString('en')} of`));
});

test('a bad version is refused with what is allowed, and nothing is listed', async ({ page }) => {
  const res = await page.request.get('/api/inventory/software?name=openssl&version=older:3');
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain('lt, le, eq, ge, gt');
});
