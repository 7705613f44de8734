import { expect, test, type APIRequestContext } from '@playwright/test';

const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT || 4610}`;
const READ_ONLY = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 2}`;
const clock = (request: APIRequestContext, speed: number) => request.post(`${MOCK}/__mock/clock`, { data: { speed } });

test.afterEach(async ({ request }) => {
  await clock(request, 1);
});

test('select nodes, preview, confirm, watch the run finish and see compliance change', async ({ page, request }) => {
  await page.goto('/nodes?ping=Online&patch=missing&tag=Environment%3Ddev&region=us-east-1&sort=name');
  const rows = page.getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await rows.nth(i).getAttribute('data-node-id'))!);
    await rows.nth(i).getByRole('checkbox').check();
  }
  await expect(page.getByTestId('selection-bar')).toContainText('3 selected');
  await page.getByRole('button', { name: 'Patch…' }).click();

  const dialog = page.getByRole('dialog', { name: /Patch 3 selected nodes/ });
  await expect(dialog.getByTestId('document-summary')).toContainText('AWS-RunPatchBaseline');
  await dialog.getByLabel('Operation').selectOption('Install');
  await dialog.getByLabel('Max concurrency').fill('2');
  await dialog.getByLabel('Max errors').fill('100%');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('run-preview');
  await expect(preview).toContainText('AWS-RunPatchBaseline');
  await expect(preview).toContainText('3 selected nodes');
  await expect(preview.getByTestId('fig-runs')).toContainText('3');
  await expect(preview.getByText('Waves').locator('..')).toContainText('2');
  await expect(dialog.getByTestId('preview-nodes')).toContainText(ids[0]);

  await clock(request, 200); // simulated minutes pass in seconds
  await dialog.getByTestId('confirm-run').click();
  await expect(page).toHaveURL(/\/runs\/run-/);
  await expect(page.getByTestId('run-status')).toContainText(/Success|Failed/, { timeout: 45_000 });
  const nodes = page.getByTestId('run-node');
  await expect(nodes).toHaveCount(3);
  const succeeded = await page.locator('[data-testid=run-node][data-status=success]').first().getAttribute('data-row-id');
  expect(ids).toContain(succeeded);

  // Its output next to the row, then its node page: the patches it was missing are installed.
  await page.locator('[data-testid=run-node][data-status=success]').first().locator('[data-col=region]').click();
  await expect(page.getByTestId('output-panel')).toContainText(/stdout/i);
  await expect(page.getByTestId('output-panel').locator('pre').first()).not.toHaveText('(empty)');
  await page.goto(`/nodes/${succeeded}`);
  await expect(page.getByTestId('node-patches')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Missing/ })).toHaveCount(0);
  await expect(page.getByText('Compliant', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('node-commands')).toContainText('AWS-RunPatchBaseline');

  // The run and the audit record are listed.
  await page.goto('/runs');
  await expect(page.getByTestId('runs-table')).toContainText('3 selected nodes');
  await page.goto('/audit');
  await expect(page.getByTestId('audit-row').first()).toContainText('run:AWS-RunPatchBaseline');
  await expect(page.getByTestId('audit-row').first()).toContainText('succeeded');
});

test('the compliance page links every figure to the matching nodes', async ({ page }) => {
  await page.goto('/patching');
  const critical = page.getByTestId('pc-critical');
  const n = Number(((await critical.locator('div').nth(1).textContent()) ?? '').replace(/,/g, ''));
  await critical.click();
  await expect(page).toHaveURL(/patch=critical/);
  await expect(page.getByTestId('row-count')).toHaveText(new RegExp(`^${n} of`));
  await page.goto('/patching');
  await expect(page.getByTestId('maintenance-windows')).toContainText(/cron\(|rate\(/);
  await expect(page.getByTestId('baselines')).toContainText('prod-linux');
});

test('in read-only mode the action is refused, and says why', async ({ page, request }) => {
  await page.goto(`${READ_ONLY}/nodes?ping=Online&sort=name`);
  await expect(page.getByTestId('mode-badge')).toHaveText('Read-only');
  const row = page.getByTestId('node-row').first();
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Patch…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('run-preview')).toBeVisible();
  await expect(dialog.getByText('You cannot send this run')).toBeVisible();
  await expect(dialog.getByText(/DASHBOARD_MODE=operator/)).toBeVisible();
  await expect(dialog.getByTestId('confirm-run')).toBeDisabled();

  const res = await request.post(`${READ_ONLY}/api/runs`, {
    headers: { origin: READ_ONLY, 'idempotency-key': 'e2e-read-only-attempt-0001' },
    data: { document: 'AWS-RunPatchBaseline', parameters: { Operation: ['Scan'] }, targets: { mode: 'nodes', nodeIds: [await row.getAttribute('data-node-id')] }, maxConcurrency: '1', maxErrors: '0', timeoutSeconds: 600, previewToken: 'x'.repeat(20) },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('ReadOnlyMode');
});
