import { expect, test, type APIRequestContext } from '@playwright/test';

const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT || 4610}`;
const clock = (request: APIRequestContext, speed: number) => request.post(`${MOCK}/__mock/clock`, { data: { speed } });

test.afterEach(async ({ request }) => {
  await clock(request, 1);
});

test('pick AWS-RunShellScript, type a command, target a tag, preview, confirm, watch it finish, read a failure, retry one group', async ({ page, request }) => {
  await page.goto('/runs');
  await page.getByTestId('new-run').click();
  const dialog = page.getByRole('dialog', { name: 'New run' });
  await dialog.getByLabel('Search documents').fill('RunShell');
  await dialog.getByRole('option', { name: /AWS-RunShellScript/ }).click();
  await expect(dialog.getByTestId('document-summary')).toContainText('Linux');
  // Checked as you type: the required list of commands is empty.
  await expect(dialog.getByTestId('param-field-commands').getByRole('alert')).toContainText('commands: is required');
  await dialog.getByLabel('commands').fill('uptime\nsystemctl restart nginx');
  await expect(dialog.getByTestId('param-field-commands').getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel('Tag key 1').fill('Environment');
  await dialog.getByLabel('Tag values 1').fill('staging');
  await dialog.getByLabel('Max concurrency').fill('50%');
  await dialog.getByLabel('Max errors').fill('100%');
  await dialog.getByLabel('Comment').fill('CHG-2001 restart nginx');
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const preview = dialog.getByTestId('run-preview');
  await expect(preview).toContainText('tag Environment=staging');
  await expect(preview.getByTestId('preview-regions')).toContainText('us-east-1: 1 command');
  await expect(preview.getByTestId('run-warnings')).toContainText('Invalid Platform');

  await clock(request, 300); // simulated minutes pass in seconds (offline nodes wait out the delivery timeout)
  await dialog.getByTestId('confirm-run').click();
  await expect(page).toHaveURL(/\/runs\/run-/);
  await expect(page.getByTestId('run-comment')).toContainText('CHG-2001 restart nginx');
  await expect(page.getByTestId('run-status')).toContainText(/Success|Failed/, { timeout: 50_000 });

  // Triage: the nginx failures are one group; its size is what the rows say.
  const group = page.getByTestId('triage-group').filter({ hasText: 'Unit nginx.service not found' });
  await expect(group).toBeVisible();
  const count = Number((await group.getByTestId('triage-count').textContent())!.replace(/,/g, ''));
  expect(count).toBeGreaterThan(1);
  await group.getByRole('button', { name: 'Show these nodes' }).click();
  await expect(page.getByTestId('run-row-count')).toHaveText(new RegExp(`^${count} of`));

  // A failed node's output, next to its row.
  await page.locator('[data-testid=run-node][data-status=failed]').first().locator('[data-col=region]').click();
  const output = page.getByTestId('output-panel');
  await expect(output).toContainText('Unit nginx.service not found');
  await expect(output.getByTestId('exit-code')).toContainText('exit');

  // Retry that group alone: same document, parameters and comment; only its nodes.
  await group.getByTestId('retry-group').click();
  const retry = page.getByRole('dialog', { name: /Retry .* nodes that failed the same way/ });
  await expect(retry.getByLabel('Comment')).toHaveValue('CHG-2001 restart nginx');
  await retry.getByRole('button', { name: 'Preview' }).click();
  await expect(retry.getByTestId('fig-included')).toContainText(String(count));
  await retry.getByTestId('confirm-run').click();
  await expect(page.getByText(/retry of run-/)).toBeVisible();
  await expect(page.getByTestId('run-counts')).toBeVisible();
  await page.goto('/commands');
  await expect(page.getByTestId('command-row').first()).toContainText('AWS-RunShellScript');
  await expect(page.getByTestId('command-row').first()).toContainText('demo-operator');
});
