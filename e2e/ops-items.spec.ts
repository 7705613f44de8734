import { expect, test, type APIRequestContext } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 3100);
const BASE = `http://127.0.0.1:${PORT}`;
const READ_ONLY = `http://127.0.0.1:${PORT + 2}`;
const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT || 4610}`;
const clock = (request: APIRequestContext, speed: number) => request.post(`${MOCK}/__mock/clock`, { data: { speed } });

test.afterEach(async ({ request }) => {
  await clock(request, 1);
});

/** A run of `systemctl restart nginx` on the staging nodes: many fail with "Unit nginx.service not found" (as in run-command.spec). */
async function startFailingRun(request: APIRequestContext): Promise<string> {
  const run = {
    document: 'AWS-RunShellScript', parameters: { commands: ['systemctl restart nginx'] }, targets: { mode: 'tags', tags: [{ key: 'Environment', values: ['staging'] }] },
    maxConcurrency: '50%', maxErrors: '100%', timeoutSeconds: 600, comment: 'e2e OpsItem from triage',
  };
  const preview = await request.post('/api/runs/preview', { headers: { origin: BASE }, data: run });
  expect(preview.ok()).toBe(true);
  const { previewToken } = await preview.json();
  await clock(request, 300); // simulated minutes pass in seconds
  const sent = await request.post('/api/runs', { headers: { origin: BASE, 'idempotency-key': `e2e-ops-items-${Date.now()}` }, data: { ...run, previewToken } });
  expect(sent.ok()).toBe(true);
  return (await sent.json()).runId;
}

test('a failed run\'s triage group becomes an OpsItem; found in the list, resolved on its page, gone from its node\'s open OpsItems', async ({ page, request }) => {
  const runId = await startFailingRun(request);
  await page.goto(`/runs/${runId}`);
  const group = page.getByTestId('triage-group').filter({ hasText: 'Unit nginx.service not found' });
  await expect(group).toBeVisible({ timeout: 50_000 });

  // The form starts from the group: document, count and cause in the title; the group's nodes are related by the server.
  await group.getByTestId('triage-create-ops-item').click();
  const dialog = page.getByRole('dialog', { name: /Create OpsItem from \d+ nodes? that failed the same way/ });
  await expect(dialog.getByLabel('Title')).toHaveValue(/^AWS-RunShellScript: \d+ nodes? failed \(exit code/);
  await expect(dialog.getByLabel('Severity')).toHaveValue('2');
  await expect(dialog.getByLabel('Category')).toHaveValue('Availability');
  await expect(dialog.getByTestId('create-preview')).toContainText('first 100 if more');
  // Checked as typed, with the server's own rules: an empty title is refused before anything is sent.
  await dialog.getByLabel('Title').fill('');
  await dialog.getByTestId('create-ops-item-submit').click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'title must not be empty' })).toBeVisible();
  const title = `e2e nginx missing ${Date.now()}`;
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByTestId('create-ops-item-submit').click();
  const created = dialog.getByTestId('created-ops-item').first();
  await expect(created).toContainText('Created');
  const id = (await created.getByRole('link').textContent())!.trim();
  expect(id).toMatch(/^oi-[0-9a-f]{12}$/);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  // The list finds it by title (the filter is in the URL).
  await page.goto('/ops-items');
  await page.getByLabel('Title contains').fill(title);
  await expect(page).toHaveURL(/title=e2e/);
  const row = page.locator(`[data-testid=ops-item-row][data-row-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('2 High');
  await expect(page.getByTestId('row-count')).toHaveText(/^\d+ OpsItems? · open and in progress$/);
  await row.getByRole('link', { name: id }).click();

  // Its page: the group's nodes as the fleet shows them now.
  await expect(page).toHaveURL(new RegExp(`/ops-items/${id}$`));
  await expect(page.getByTestId('ops-item-title')).toHaveText(title);
  const firstNode = page.getByTestId('related-node').first();
  await expect(firstNode).toBeVisible();
  const nodeId = (await firstNode.getAttribute('data-node-id'))!;
  await expect(page.getByTestId('ops-data')).toContainText(runId);

  await page.goto(`/nodes/${nodeId}`);
  await expect(page.getByTestId('node-ops-items').getByRole('link', { name: title })).toBeVisible();
  await page.getByTestId('node-ops-items').getByRole('link', { name: title }).click();

  // Resolve: one confirmed change naming the status from -> to.
  await expect(page.getByTestId('ops-item-status')).toHaveText('Open');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: `Resolve ${id}` });
  await expect(confirm.getByTestId('change-summary')).toContainText('Open → Resolved');
  await confirm.getByTestId('confirm-change').click();
  await expect(page.getByTestId('ops-item-status')).toHaveText('Resolved');
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // The node no longer lists it as open; "All OpsItems of this node" still shows it, resolved.
  await page.goto(`/nodes/${nodeId}`);
  await expect(page.getByTestId('node-ops-items')).toBeVisible();
  await expect(page.getByTestId('node-ops-items')).not.toContainText(id);
  await page.getByRole('link', { name: 'All OpsItems of this node' }).click();
  await expect(page).toHaveURL(new RegExp(`node=${nodeId}`));
  await expect(page.locator(`[data-testid=ops-item-row][data-row-id="${id}"]`)).toContainText('Resolved');
});

test('in read-only mode OpsItems can be read but not changed, and the page says why', async ({ page, request }) => {
  await page.goto(`${READ_ONLY}/ops-items`);
  await expect(page.getByTestId('mode-badge')).toHaveText('Read-only');
  const row = page.getByTestId('ops-item-row').first();
  await expect(row).toBeVisible();
  const id = (await row.getAttribute('data-row-id'))!;
  await row.getByRole('checkbox').check();
  await expect(page.getByTestId('bulk-bar')).toContainText('DASHBOARD_MODE=operator');
  await expect(page.getByTestId('bulk-bar').getByRole('button', { name: 'Resolved' })).toBeDisabled();

  await page.goto(`${READ_ONLY}/ops-items/${id}`);
  await expect(page.getByText('You cannot change this OpsItem')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Resolve', exact: true })).toBeDisabled();

  const res = await request.patch(`${READ_ONLY}/api/ops-items/${id}`, {
    headers: { origin: READ_ONLY, 'idempotency-key': 'e2e-ops-read-only-0001' },
    data: { status: 'Resolved' },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe('ReadOnlyMode');

  await page.goto(`${READ_ONLY}/ops-items/not-an-id`);
  await expect(page.getByText('“not-an-id” is not an OpsItem ID')).toBeVisible();
});
