/**
 * Many accounts, one fleet: the real SDK against the simulated AWS serving three accounts, told apart by the
 * credentials of each request. The dashboard assumes a role in each account (STS AssumeRole) with the base identity.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { getFleetSnapshot, resetFleetCache } from '@/lib/fleet/fleet';
import { accountsFileProblem } from '@/lib/aws/config';
import { resetClients } from '@/lib/aws/clients';
import { queryAudit } from '@/lib/actions/audit';
import { AuditQuerySchema } from '@/lib/contracts/audit';
import { execute, preview, script } from '@/app/api/runs/test-helpers';
import { useTempDataDir } from '@/lib/testing/actions';

const A = { id: '111111111111', name: 'platform-prod', regions: ['us-east-1', 'eu-west-1'], nodes: 60 };
const B = { id: '222222222222', name: 'payments-prod', regions: ['us-east-1', 'us-west-2'], nodes: 40 };
const C = { id: '333333333333', name: 'data-staging', regions: ['eu-west-1'], nodes: 30 };

const mock = installMockAws({ accounts: [{ ...A, management: true }, B, C, { id: '888888888888', name: 'closed-project', regions: ['us-east-1'], nodes: 0, status: 'SUSPENDED' }], timeSpeed: 0 });

const role = (id: string, name: string) => `arn:aws:iam::${id}:role/${name}`;
function writeAccounts(accounts = [A, B, C]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'accounts-')), 'accounts.yaml');
  const lines = ['accounts:'];
  for (const a of accounts) {
    lines.push(`  - id: "${a.id}"`, `    name: ${a.name}`, `    roleArn: ${role(a.id, 'SsmFleetDashboardReadOnly')}`,
      `    operatorRoleArn: ${role(a.id, 'SsmFleetDashboardOperator')}`, `    regions: [${a.regions.join(', ')}]`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const assumeRoles = () => mock.stats.calls.filter((c) => c.op === 'sts:AssumeRole');
const totalNodes = () => [...mock.sims.values()].reduce((n, s) => n + s.nodeCount, 0);

beforeEach(() => {
  useTempDataDir();
  process.env.ACCOUNTS_FILE = writeAccounts();
  resetClients();
  resetFleetCache();
});
afterEach(() => {
  vi.useRealTimers();
  delete process.env.ACCOUNTS_FILE;
});

describe('the accounts file', () => {
  it('names the line of every problem, and the dashboard refuses to start with it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'accounts-bad-'));
    const file = path.join(dir, 'accounts.yaml');
    writeFileSync(file, ['accounts:', '  - id: 222222222222', '    name: payments', `    roleArn: ${role('222222222222', 'R')}`, '    regions: [us-east-1, mars-north-9x]', '  - id: "333333333333"', '    name: data', `    roleArn: ${role('444444444444', 'R')}`, '    regions: [eu-west-1]', '    sessionDurationSeconds: 60'].join('\n'));
    const problem = accountsFileProblem({ ACCOUNTS_FILE: file } as unknown as NodeJS.ProcessEnv);
    expect(problem).toContain('line 2 (accounts.0.id): an account ID is 12 digits in quotes');
    expect(problem).toContain('line 5 (accounts.0.regions.1): not an AWS region name');
    expect(problem).toContain('line 10 (accounts.1.sessionDurationSeconds): at least 900 seconds');
    writeFileSync(file, ['accounts:', '  - id: "333333333333"', '    name: data', `    roleArn: ${role('444444444444', 'R')}`, '    regions: [eu-west-1]', '  - id: "333333333333"', '    name: again', `    roleArn: ${role('333333333333', 'R')}`].join('\n'));
    const second = accountsFileProblem({ ACCOUNTS_FILE: file } as unknown as NodeJS.ProcessEnv);
    expect(second).toContain('line 4 (accounts.0.roleArn): the role is in account 444444444444, not 333333333333');
    expect(second).toContain('line 6 (accounts.1.id): account 333333333333 is listed twice (first at entry 1)');
    expect(second).toContain('line 6 (accounts.1): no regions: list them here or at the top level');
    writeFileSync(file, '{"organization": {"roleName": "R"}, "accounts": []}');
    expect(accountsFileProblem({ ACCOUNTS_FILE: file } as unknown as NodeJS.ProcessEnv)).toMatch(/line 1.*regions/);
    expect(accountsFileProblem({ ACCOUNTS_FILE: path.join(dir, 'missing.yaml') } as unknown as NodeJS.ProcessEnv)).toContain('does not exist');
    expect(accountsFileProblem({} as NodeJS.ProcessEnv)).toBeNull();
  });
});

describe('one fleet over many accounts', () => {
  it('reads every account and region with its own role, and labels each node with its account', async () => {
    const snap = await getFleetSnapshot();
    expect(snap.regions.map((r) => `${r.account}/${r.region}`)).toEqual([
      '111111111111/us-east-1', '111111111111/eu-west-1', '222222222222/us-east-1', '222222222222/us-west-2', '333333333333/eu-west-1',
    ]);
    expect(snap.regions.every((r) => r.ok)).toBe(true);
    // Every account's nodes, each from its own account's fleet (the simulated AWS answers by the request's credentials).
    expect(snap.nodes.length).toBeGreaterThanOrEqual(totalNodes() * 0.9);
    for (const [id, sim] of mock.sims) {
      const own = new Set(sim.store.byId.keys());
      const rows = snap.nodes.filter((n) => n.account === id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((n) => own.has(n.id))).toBe(true);
    }
    expect(new Set(snap.nodes.filter((n) => n.account === B.id).map((n) => n.accountName))).toEqual(new Set([B.name]));
    // One AssumeRole per account (shared by its regions and services), into the read-only role, the session naming the dashboard.
    expect(assumeRoles()).toHaveLength(3);
    const readers = new Set(mock.stats.calls.filter((c) => c.op === 'ssm:DescribeInstanceInformation').map((c) => c.principal));
    expect(readers).toEqual(new Set([A, B, C].map((a) => `arn:aws:sts::${a.id}:assumed-role/SsmFleetDashboardReadOnly/ssm-fleet-dashboard`)));
  });

  it('assumes the role again when its credentials near expiry, and keeps reading', async () => {
    await getFleetSnapshot();
    expect(assumeRoles()).toHaveLength(3);
    await getFleetSnapshot({ refresh: true });
    expect(assumeRoles()).toHaveLength(3); // cached: an hour's credentials serve many refreshes
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 58 * 60_000); // within the 5 minutes before the hour's credentials expire
    const snap = await getFleetSnapshot({ refresh: true });
    expect(assumeRoles()).toHaveLength(6);
    expect(snap.regions.every((r) => r.ok)).toBe(true);
    vi.setSystemTime(Date.now() + 2 * 3600_000); // long past: the old ones are refused by AWS, the new ones are used
    expect((await getFleetSnapshot({ refresh: true })).regions.every((r) => r.ok)).toBe(true);
    expect(assumeRoles()).toHaveLength(9);
  });

  it('shows the other accounts when one account role cannot be assumed, and names the failure', async () => {
    mock.scenario.denyAssumeRole = [B.id];
    const snap = await getFleetSnapshot();
    const failed = snap.regions.filter((r) => !r.ok);
    expect(failed.map((r) => `${r.account}/${r.region}`)).toEqual(['222222222222/us-east-1', '222222222222/us-west-2']);
    for (const r of failed) {
      expect(r.errors[0].code).toBe('AssumeRoleFailed');
      expect(r.errors[0].message).toContain(`cannot assume ${role(B.id, 'SsmFleetDashboardReadOnly')} in account ${B.id}`);
    }
    expect(snap.nodes.some((n) => n.account === B.id)).toBe(false);
    expect(snap.nodes.filter((n) => n.account === A.id).length).toBeGreaterThan(0);
    expect(snap.nodes.filter((n) => n.account === C.id).length).toBeGreaterThan(0);
  });
});

describe('Organizations mode', () => {
  it("reads the organization's active accounts with the named role, minus the excluded ones", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'org-')), 'accounts.json');
    writeFileSync(file, JSON.stringify({ organization: { roleName: 'SsmFleetDashboardReadOnly', regions: ['us-east-1'], exclude: [C.id] } }));
    process.env.ACCOUNTS_FILE = file;
    const snap = await getFleetSnapshot();
    // Sorted by name; the suspended account and the excluded one are not read.
    expect(snap.accounts.map((a) => `${a.id} ${a.name} ${a.regions.join(',')}`)).toEqual([`${B.id} ${B.name} us-east-1`, `${A.id} ${A.name} us-east-1`]);
    expect(snap.regions.every((r) => r.ok)).toBe(true);
    expect(mock.stats.calls.filter((c) => c.op === 'organizations:ListAccounts').length).toBeGreaterThan(0);
    expect(new Set(snap.nodes.map((n) => n.account))).toEqual(new Set([A.id, B.id]));
  });
});

describe('actions across accounts', () => {
  beforeEach(() => {
    process.env.DEMO_MODE = '1';
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:4566';
    process.env.DASHBOARD_MODE = 'operator';
    resetClients();
  });
  afterEach(() => {
    delete process.env.DEMO_MODE;
    delete process.env.AWS_ENDPOINT_URL;
  });

  it('groups commands by account and region, names the accounts, sends with each operator role in the user\'s name, and audits the accounts', async () => {
    const snap = await getFleetSnapshot();
    const online = (account: string, region: string) => snap.nodes.filter((n) => n.account === account && n.region === region && n.ping === 'Online' && n.platformType === 'Linux').slice(0, 3);
    const nodes = [...online(A.id, 'us-east-1'), ...online(B.id, 'us-east-1'), ...online(B.id, 'us-west-2')];
    expect(nodes).toHaveLength(9);
    const body = script(['uptime'], { targets: { mode: 'nodes', nodeIds: nodes.map((n) => n.id) } });
    const p = await preview(body);
    expect(p.byRegion.map((r) => `${r.accountName} ${r.region}: ${r.commands} for ${r.nodes}`)).toEqual([
      'platform-prod us-east-1: 1 for 3', 'payments-prod us-east-1: 1 for 3', 'payments-prod us-west-2: 1 for 3',
    ]);
    expect(p.accounts).toEqual([{ id: A.id, name: A.name, nodes: 3 }, { id: B.id, name: B.name, nodes: 3 * 2 }]);

    const { res, body: run } = await execute(body);
    expect(res.status).toBe(201);
    const sends = mock.stats.calls.filter((c) => c.op === 'ssm:SendCommand');
    expect(sends.map((c) => `${c.account}/${c.region}`).sort()).toEqual(['111111111111/us-east-1', '222222222222/us-east-1', '222222222222/us-west-2']);
    expect(new Set(sends.map((c) => c.principal))).toEqual(new Set([A.id, B.id].map((id) => `arn:aws:sts::${id}:assumed-role/SsmFleetDashboardOperator/dash-demo-operator`)));
    // Each account's simulated AWS received exactly its own nodes.
    for (const [id, sim] of mock.sims) {
      const sent = sim.store.commands.list.flatMap((c) => c.instanceIds);
      expect(sent.sort()).toEqual(nodes.filter((n) => n.account === id).map((n) => n.id).sort());
    }
    const record = queryAudit(AuditQuerySchema.parse({})).records.find((r) => r.runId === run.runId)!;
    expect(record.accounts.sort()).toEqual([A.id, B.id]);
    expect(record.regions.sort()).toEqual(['us-east-1', 'us-west-2']);
  });
});

describe('the share of each account rate', () => {
  afterEach(() => {
    process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND = '100000';
    delete process.env.SSM_REQUEST_SHARE;
  });

  it('paces SSM calls per account and region to the configured share, each scope on its own', async () => {
    process.env.SSM_ACCOUNT_REQUESTS_PER_SECOND = '20';
    process.env.SSM_REQUEST_SHARE = '0.5'; // 10 a second, a second's worth at once
    resetClients();
    const { describeInstanceInformationByIds } = await import('@/lib/aws/ssm/describe-instance-information');
    const scopes = [{ account: A.id, region: 'us-east-1' }, { account: B.id, region: 'us-east-1' }];
    await Promise.all(scopes.flatMap((s) => Array.from({ length: 20 }, () => describeInstanceInformationByIds(s, ['i-0123456789abcdef0']))));
    for (const s of scopes) {
      const starts = mock.stats.calls.filter((c) => c.op === 'ssm:DescribeInstanceInformation' && c.account === s.account).map((c) => c.start).sort((a, b) => a - b);
      expect(starts).toHaveLength(20);
      // The first 10 at once, the next 10 paced over about a second: never more than 10 + 10/s.
      expect(starts[19] - starts[0]).toBeGreaterThanOrEqual(900);
      expect(starts[9] - starts[0]).toBeLessThan(400);
    }
  });
});
