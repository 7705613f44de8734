import { expect, test } from '@playwright/test';

/**
 * Many accounts as one fleet: the dashboard on ACCOUNTS_PORT reads three simulated accounts through an accounts file
 * (platform-prod, payments-prod, data-staging), and a fourth (legacy-sandbox) whose role cannot be assumed.
 */
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 3}`;
test.use({ baseURL: BASE });

test('the nodes table groups by account; the overview shows each account and region, the broken one named', async ({ page }) => {
  await page.goto('/nodes');
  await page.getByLabel('Group by').selectOption('account');
  await expect(page).toHaveURL(/group=account/);
  const groups = page.getByTestId('group-row');
  await expect(groups).toHaveCount(3);
  await expect(page.getByTestId('group-value')).toHaveText(['data-staging', 'payments-prod', 'platform-prod']);
  const counts = (await page.getByTestId('group-count').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  const total = Number((await page.getByTestId('row-count').textContent())?.match(/^([\d,]+) of/)?.[1].replace(/,/g, ''));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

  // The account filter narrows to one account; its chip names it.
  await page.getByTestId('filter-account').click();
  const payments = page.getByRole('dialog').getByLabel(/^payments-prod/);
  await payments.click();
  await expect(payments).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/acct=222222222222/);
  await expect(groups).toHaveCount(1);

  await page.goto('/');
  const grid = page.getByTestId('account-grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByTestId('scope-222222222222-us-west-2')).toContainText(/nodes.*OK|OK/s);
  await expect(grid.getByTestId('scope-999999999999-us-east-1')).toContainText('role cannot be assumed');
  await expect(page.getByText('legacy-sandbox us-east-1: could not list nodes').first()).toBeVisible();
});

test('a node in the second account names the account to sign in to and the CLI profile', async ({ page, request }) => {
  const fleet = await (await request.get('/api/nodes')).json();
  const node = fleet.nodes.find((n: { account: string; ping: string }) => n.account === '222222222222' && n.ping === 'Online');
  expect(node).toBeTruthy();
  await page.goto('/nodes');
  await page.getByPlaceholder(/Search/).fill(node.id);
  await expect(page).toHaveURL(new RegExp(`q=${node.id}`));
  await expect(page.getByTestId('node-row')).toHaveCount(1);
  await page.getByTestId('node-row').first().getByRole('link', { name: node.name ?? node.id }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${node.id}`));
  await expect(page.getByTestId('node-account')).toContainText('payments-prod (222222222222)');
  await expect(page.getByTestId('node-account-signin')).toContainText('sign in to account 222222222222');
  await expect(page.getByText(`aws ssm start-session --target ${node.id} --region ${node.region} --profile payments-prod`)).toBeVisible();
});

test('a run over a view spanning two accounts: the preview groups commands by account and region and names both accounts', async ({ page }) => {
  await page.goto('/nodes?region=us-east-1&ping=Online&platform=Amazon%20Linux');
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  await page.getByTestId('run-on-view').click();
  const dialog = page.getByRole('dialog', { name: /Run a command on this view/ });
  await expect(dialog.getByTestId('document-summary')).toContainText('AWS-RunShellScript');
  await dialog.getByLabel('commands').fill('uptime');
  await dialog.getByLabel('Max errors').fill('100%');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('run-preview');
  await expect(preview.getByTestId('preview-accounts')).toContainText('Touches 2 AWS accounts');
  await expect(preview.getByTestId('preview-accounts')).toContainText('platform-prod (111111111111');
  await expect(preview.getByTestId('preview-accounts')).toContainText('payments-prod (222222222222');
  await expect(preview.getByTestId('preview-regions')).toContainText('platform-prod us-east-1:');
  await expect(preview.getByTestId('preview-regions')).toContainText('payments-prod us-east-1:');
  await expect(dialog.getByTestId('confirm-run')).toContainText('in 2 accounts');
});
