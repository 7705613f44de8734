/** GET /api/patching through the real SDK and the simulated AWS: the figures say when a region or permission failed. */
import { describe, expect, it, vi } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import type { ComplianceSummary } from '@/lib/contracts/patching';
import { GET } from './route';

const mock = installMockAws({ nodes: 120 });
const get = async (q = ''): Promise<ComplianceSummary> => {
  const res = await GET(new Request(`http://localhost/api/patching${q}`), undefined);
  expect(res.status).toBe(200);
  return res.json();
};

describe('GET /api/patching', () => {
  it('carries every region read as healthy when all is well', async () => {
    const s = await get();
    expect(s.regions.map((r) => [r.region, r.ok, r.errors.length]).sort()).toEqual([['ap-southeast-2', true, 0], ['eu-west-1', true, 0], ['us-east-1', true, 0]]);
    expect(s.regions.every((r) => r.nodes > 0 && r.fetchedAt)).toBe(true);
  });

  it('names the denied permission in every region, with a plain reason and no account or role', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    mock.scenario.denyOperations = ['ssm:DescribeInstancePatchStates'];
    const s = await get();
    expect(s.unknown).toBe(s.managed);
    for (const r of s.regions) {
      expect(r.ok).toBe(true);
      expect(r.errors).toEqual([expect.objectContaining({ source: 'ssm:DescribeInstancePatchStates', code: 'AccessDeniedException' })]);
      expect(r.errors[0].message).not.toMatch(/\d{12}|arn:/);
    }
    vi.restoreAllMocks();
  });

  it('marks a region whose node list failed: its figures are from the last good read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = await get();
    mock.scenario.failRegions = ['eu-west-1'];
    const after = await get('?refresh=1');
    const eu = after.regions.find((r) => r.region === 'eu-west-1')!;
    expect(eu).toMatchObject({ ok: false, fetchedAt: before.regions.find((r) => r.region === 'eu-west-1')!.fetchedAt });
    expect(eu.errors[0]).toMatchObject({ source: 'ssm:DescribeInstanceInformation', code: 'ServiceUnavailable' });
    expect(after.regions.filter((r) => r.region !== 'eu-west-1').every((r) => r.ok)).toBe(true);
    vi.restoreAllMocks();
  });
});
