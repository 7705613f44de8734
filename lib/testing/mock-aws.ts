/**
 * Test helper: the simulated AWS in-process (msw/node, unhandled requests are errors) with the environment the
 * dashboard reads (regions, fake credentials, no endpoint override, no instance metadata lookups).
 * Each test starts from a clean scenario, fresh statistics and an empty fleet cache.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setupMockAws, type MockAwsOptions } from '@/mocks/node';
import { defaultScenario } from '@/mocks/scenarios';
import { resetClients } from '@/lib/aws/clients';
import { resetFleetCache } from '@/lib/fleet/fleet';
import { resetInventoryCaches } from '@/lib/inventory/region-inventory';
import { resetAmiFacts } from '@/lib/fleet/ami-facts';
import { resetRecentOpsItems } from '@/lib/fleet/recent-ops-items';
import { useTempDataDir } from './actions';
import { resetCallerBudgets } from '@/lib/api/caller-budget';
import { resetDiagnosisCaches } from '@/lib/diagnosis/reset';
import { resetOrganizationAccounts } from '@/lib/accounts/accounts';

export const TEST_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

export function setAwsTestEnv(regions: string[] = TEST_REGIONS): void {
  process.env.AWS_REGIONS = regions.join(',');
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_REGION;
  delete process.env.ACCOUNTS_FILE;
  // The dashboard's share of an account's SSM rate (rate-share.ts) is tested on its own; other tests are not paced.
  process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND = '100000';
}

export function installMockAws(opts: MockAwsOptions = {}) {
  const regions = [...(opts.regions ?? TEST_REGIONS)];
  const mock = setupMockAws({ seed: 42, nodes: 300, ...opts, regions });
  beforeAll(() => {
    // Every fleet read records history: never into the developer's own ./.data.
    useTempDataDir();
    mock.server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => mock.server.close());
  beforeEach(() => {
    setAwsTestEnv(regions);
    Object.assign(mock.scenario, defaultScenario());
    mock.stats.reset();
    resetClients();
    resetFleetCache();
    resetInventoryCaches();
    resetAmiFacts();
    resetRecentOpsItems();
    resetDiagnosisCaches();
    resetOrganizationAccounts();
    // Each test is its own caller with a fresh budget; forced refreshes are not spaced (tests of that set their own).
    resetCallerBudgets();
    process.env.FORCED_REFRESH_MIN_SECONDS = '0';
  });
  return mock;
}
