import { expect, test } from '@playwright/test';

/** "Why is this node not managed?": a node's ranked causes with the fix to copy, and the fleet grouped by cause. */
test('a "Not in SSM" node names its top cause with evidence, and its fix can be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/nodes?ping=NotManaged');
  const first = page.getByTestId('node-row').first();
  await expect(first).toBeVisible();
  const id = await first.getAttribute('data-row-id');
  await page.goto(`/nodes/${id}`);
  const card = page.getByTestId('node-diagnosis');
  await expect(card.getByRole('heading', { name: 'Why is this node not managed?' })).toBeVisible();
  const top = card.getByTestId('top-cause');
  await expect(top).toBeVisible();
  await expect(top).toContainText('#1');
  const fix = (await top.getByTestId('top-fix').textContent())?.trim() ?? '';
  expect(fix.length).toBeGreaterThan(10);
  await top.getByRole('button', { name: /^Copy (fix|policy)/ }).click();
  await expect(top.getByRole('button', { name: /^Copy (fix|policy)/ })).toHaveText('Copied');
  // Over plain HTTP the copy falls back to a hidden textarea; either way the clipboard holds the fix.
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(fix);
  // Each check in order; none of them left unchecked with the demo's permissions.
  const steps = card.getByTestId('diagnosis-steps');
  await card.getByText('What was checked').click();
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  await expect(steps).not.toContainText('Not checked');
});

test('the fleet view groups unmanaged and disconnected nodes by cause, each group with its fix and all its nodes', async ({ page }) => {
  await page.goto('/diagnosis');
  const groups = page.getByTestId('cause-group');
  await expect(groups.first()).toBeVisible();
  const summary = page.getByTestId('diagnosis-summary');
  await expect(summary).toContainText('Not Online');
  const sentence = (await groups.first().getByRole('heading').textContent()) ?? '';
  const count = Number(/^([\d,]+) /.exec(sentence)?.[1].replace(/,/g, ''));
  expect(count).toBeGreaterThan(0);
  expect(sentence).toMatch(/ (instance|instances|hybrid nodes?) in /);
  await groups.first().getByRole('button', { name: /^Show the/ }).click();
  const rows = groups.first().getByTestId('diagnosis-node');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(count);
  // Every node of the group is reachable: the group's list opens its node page.
  const link = rows.first().getByRole('link');
  const nodeId = (await link.textContent()) ?? '';
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${nodeId}$`));
  await expect(page.getByTestId('node-diagnosis')).toBeVisible();
});
