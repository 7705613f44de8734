import { expect, test, type APIRequestContext } from '@playwright/test';

/** Faults are switched on in the simulated AWS through its control endpoint, then the dashboard refreshes. */
const MOCK = `http://127.0.0.1:${process.env.E2E_MOCK_PORT || 4610}`;
/** The second dashboard of playwright.config.ts, whose simulated AWS refuses every call from the start. */
const DENIED = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 1}`;
const scenario = (request: APIRequestContext, body: object) => request.post(`${MOCK}/__mock/scenario`, { data: body });

test.afterEach(async ({ request }) => {
  await scenario(request, { failRegions: [], denyOperations: [], throttleRate: 0, latencyMs: 0 });
  await request.get('/api/overview?refresh=1');
});

test('a region outage names the region and keeps the rest of the fleet visible', async ({ page, request }) => {
  await request.get('/api/overview?refresh=1');
  await scenario(request, { failRegions: ['ap-southeast-2'] });
  await page.goto('/');
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByTestId('region-alerts');
  await expect(alert).toContainText('ap-southeast-2: could not refresh');
  await expect(alert).toContainText('ServiceUnavailable');
  // The other regions are still counted, and the failed region shows its last good data.
  await expect(page.getByRole('row', { name: /us-east-1/ })).toContainText('OK');
  await expect(page.getByRole('row', { name: /ap-southeast-2/ })).toContainText('unreachable');
  await page.goto('/nodes?region=us-east-1');
  await expect(page.getByTestId('node-row').first()).toBeVisible();
});

test('without access to AWS the dashboard explains what is missing instead of showing an empty fleet', async ({ page }) => {
  await page.goto(`${DENIED}/`);
  const help = page.getByTestId('setup-help');
  await expect(help).toContainText('AWS refused access');
  await expect(help).toContainText('not authorized to perform: ssm:DescribeInstanceInformation');
  await expect(help).toContainText('"ssm:DescribeInstancePatchStates"'); // the policy to grant
  await page.goto(`${DENIED}/nodes`);
  await expect(page.getByTestId('setup-help')).toBeVisible();
});

test('access lost during the day (say an expired SSO session): the last data stays, each region says why', async ({ page, request }) => {
  await request.get('/api/overview?refresh=1');
  await scenario(request, { denyOperations: ['*'] });
  await page.goto('/nodes');
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alerts = page.getByTestId('region-alerts');
  await expect(alerts).toContainText('us-east-1: could not refresh');
  await expect(alerts).toContainText('AccessDeniedException');
  await expect(page.getByTestId('node-row').first()).toBeVisible();
  await expect(page.getByTestId('setup-help')).toHaveCount(0);
});

test('the patching page says its figures are incomplete, and why, when a permission or a region fails', async ({ page, request }) => {
  await scenario(request, { denyOperations: ['ssm:DescribeInstancePatchStates'] });
  await request.get('/api/patching?refresh=1');
  await page.goto('/patching');
  const banner = page.getByTestId('incomplete-banner');
  await expect(banner).toContainText('Patch figures are incomplete');
  await expect(banner).toContainText('ssm:DescribeInstancePatchStates failed (AccessDeniedException)');
  await expect(banner).toContainText('not authorized to perform: ssm:DescribeInstancePatchStates');
  // The figures that still work stay on the page.
  await expect(page.getByRole('heading', { name: 'Patch compliance' })).toBeVisible();

  await scenario(request, { denyOperations: [], failRegions: ['eu-west-1'] });
  await request.get('/api/patching?refresh=1');
  await page.reload();
  await expect(banner).toContainText('eu-west-1: could not refresh (ServiceUnavailable)');
  await expect(banner).not.toContainText('AccessDeniedException');

  await scenario(request, { failRegions: [] });
  await request.get('/api/patching?refresh=1');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Patch compliance' })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
