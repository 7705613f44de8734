import { expect, test, type Page } from '@playwright/test';

/** Where keyboard focus is: inside the open dialog or not. */
const focusInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));

test('a dialog takes focus, keeps it, asks before discarding typed work, and gives focus back', async ({ page }) => {
  await page.goto('/ops-items');
  const opener = page.getByTestId('create-ops-item');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Create OpsItem' });
  await expect(dialog).toBeVisible();
  expect(await focusInDialog(page)).toBe(true);
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  expect(await focusInDialog(page)).toBe(true);
  for (let i = 0; i < 25; i++) await page.keyboard.press('Shift+Tab');
  expect(await focusInDialog(page)).toBe(true);

  // Something typed: Escape and the backdrop ask first, and "Keep editing" keeps it.
  await dialog.getByLabel('Title').fill('Half-written OpsItem');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Discard what you typed?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByLabel('Title')).toHaveValue('Half-written OpsItem');
  await page.mouse.click(5, 400); // the backdrop
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Nothing typed: Escape closes at once.
  await opener.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('pages with relative ages hydrate without a mismatch', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /hydrat|#418|did not match/i.test(m.text()) && errors.push(`${page.url()}: ${m.text().slice(0, 200)}`));
  page.on('pageerror', (e) => /hydrat|#418/i.test(e.message) && errors.push(`${page.url()}: ${e.message.slice(0, 200)}`));
  const nodes = (await (await request.get('/api/nodes')).json()).nodes as { id: string; managed: boolean }[];
  const node = nodes.find((n) => n.managed)!;
  for (const path of ['/', `/nodes/${node.id}`, '/nodes', '/ops-items', '/runs', '/audit']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  }
  expect(errors).toEqual([]);
});
