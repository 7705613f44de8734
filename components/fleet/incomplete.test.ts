import { describe, expect, it } from 'vitest';
import type { RegionStatus } from '@/lib/contracts/node';
import { PATCH_SOURCES, regionCaveats } from './incomplete';

const region = (over: Partial<RegionStatus>): RegionStatus => ({ account: '', accountName: '', region: 'us-east-1', ok: true, nodes: 10, fetchedAt: '2026-11-30T10:00:00Z', durationMs: 5, errors: [], ...over });
const now = Date.parse('2026-11-30T10:05:00Z');

describe('why patch figures are incomplete', () => {
  it('says nothing when every region was read in full', () => {
    expect(regionCaveats([region({}), region({ region: 'eu-west-1' })], PATCH_SOURCES, now)).toEqual([]);
  });

  it('names a failed region with the age of its nodes, and a denied permission with its plain reason', () => {
    const out = regionCaveats([
      region({ region: 'eu-west-1', ok: false, errors: [{ source: 'ssm:DescribeInstanceInformation', code: 'ServiceUnavailable', message: 'AWS answered with a service error' }] }),
      region({ errors: [{ source: 'ssm:DescribeInstancePatchStates', code: 'AccessDeniedException', message: 'AWS denied access' }, { source: 'ssm:DescribeOpsItems', code: 'X', message: 'not a patch source' }] }),
      region({ region: 'ap-southeast-2', ok: false, nodes: 0, errors: [] }),
    ], PATCH_SOURCES, now);
    expect(out.map((c) => c.text)).toEqual([
      'eu-west-1: could not refresh (ServiceUnavailable); its 10 nodes are from 5m ago',
      'us-east-1: ssm:DescribeInstancePatchStates failed (AccessDeniedException)',
      'ap-southeast-2: could not list nodes (error); its nodes are missing',
    ]);
    expect(out[1].detail).toBe('AWS denied access');
  });

  it('says when nodes are the copy saved before a restart, and when only EC2 could be read', () => {
    const denied = [{ source: 'ssm:DescribeInstanceInformation', code: 'AccessDeniedException', message: 'AWS denied access' }];
    const out = regionCaveats([
      region({ restored: true }),
      region({ region: 'eu-west-1', ok: false, restored: true, errors: [{ source: 'ssm:DescribeInstanceInformation', code: 'ServiceUnavailable', message: 'm' }] }),
      region({ region: 'ap-southeast-2', ok: false, nodes: 0, restored: true, fetchedAt: null, errors: [{ source: 'ssm:DescribeInstanceInformation', code: 'NotReadYet', message: 'm' }] }),
      region({ region: 'ca-central-1', ok: false, ec2Only: true, nodes: 7, errors: denied }),
    ], PATCH_SOURCES, now);
    expect(out.map((c) => c.text)).toEqual([
      'us-east-1: 10 nodes as saved before the dashboard restarted, read 5m ago; refreshing now',
      'eu-west-1: could not refresh (ServiceUnavailable); its 10 nodes are as saved before the restart, read 5m ago',
      'ap-southeast-2: not read yet since the dashboard restarted',
      'ca-central-1: could not list nodes (AccessDeniedException); its 7 EC2 instances are shown with SSM status unknown',
    ]);
    expect(out[3].detail).toBe('AWS denied access');
  });
});
