/**
 * The nodes page's compact fleet (GET /api/nodes?format=compact) carries exactly the plain form's nodes: every field of
 * every node, across accounts, decoded by the browser's own decoder.
 */
import { describe, expect, it } from 'vitest';
import { installMockAws } from '@/lib/testing/mock-aws';
import { decodeCompactFleet, encodeCompactFleet, type CompactFleet } from '@/lib/contracts/node-view';
import type { FleetResponse, NodeRow } from '@/lib/contracts/node';
import { GET as getNodes } from './route';

installMockAws({ nodes: 400 });
const HOST = 'http://127.0.0.1:3000';
const get = (q = '') => getNodes(new Request(`${HOST}/api/nodes${q}`), undefined);
const byId = (nodes: NodeRow[]) => new Map(nodes.map((n) => [n.id, n]));

describe('the compact fleet', () => {
  it('decodes to the same nodes, field for field, as the plain answer', async () => {
    const plain = (await (await get()).json()) as FleetResponse;
    const res = await get('?format=compact');
    expect(res.status).toBe(200);
    const decoded = decodeCompactFleet((await res.json()) as CompactFleet);
    expect(decoded.nodes).toHaveLength(plain.nodes.length);
    expect(byId(decoded.nodes)).toEqual(byId(plain.nodes));
    expect(decoded.regions).toEqual(plain.regions);
    expect(decoded.total).toBe(plain.total);
    // Smaller than the plain form: what it is for.
    expect(JSON.stringify(await (await get('?format=compact')).json()).length).toBeLessThan(JSON.stringify(plain).length / 2);
  });

  it('round-trips rows with accounts, tags with repeated values, nulls and rare values', () => {
    const base = { id: 'i-0000000000000000a', account: '222222222222', accountName: 'payments-prod', region: 'us-east-1', name: null, managed: true, ping: 'Online', lastPingAt: null,
      platformType: 'Linux', platformName: 'Ubuntu', platformVersion: '22.04', agentVersion: '3.3.1', agentLatest: true, ip: '10.0.0.1', computerName: null,
      resourceType: 'EC2Instance', ec2State: 'running', instanceType: 't3.micro', az: 'us-east-1a', imageId: 'ami-0123456789abcdef0', instanceProfile: null,
      launchTime: null, publicIp: null, vpcId: 'vpc-1', asg: null, tags: { Environment: 'prod', Team: 'x' }, patchStatus: 'noncompliant', patchMissing: 3,
      patchFailed: 0, patchPendingReboot: null, patchRejected: null, patchInstalled: 10, patchCritical: 1, patchSecurity: 2, patchOther: 0, patchScannedAt: null,
      patchOperation: 'Scan', patchGroup: null, baselineId: null, openOpsItems: 0 } satisfies NodeRow;
    const nodes: NodeRow[] = Array.from({ length: 120 }, (_, i) => ({
      ...base, id: `i-${i.toString(16).padStart(17, '0')}`, name: i % 7 ? `web-${i}` : null, account: i % 2 ? '111111111111' : '222222222222',
      accountName: i % 2 ? 'platform-prod' : 'payments-prod', ip: `10.0.${i}.1`, tags: (i % 3 ? { Environment: i % 2 ? 'prod' : 'dev', [`k${i}`]: `v${i}` } : {}) as Record<string, string>,
      patchMissing: i % 5 ? i : null,
    }));
    const res: FleetResponse = { nodes, total: nodes.length, regions: [], generatedAt: '2026-12-01T00:00:00Z', version: 'v1' };
    const decoded = decodeCompactFleet(JSON.parse(JSON.stringify(encodeCompactFleet(res))) as CompactFleet);
    expect(byId(decoded.nodes)).toEqual(byId(nodes));
  });

  it('is the whole fleet only: a view parameter with it is a 400 that names it', async () => {
    const res = await get('?format=compact&ping=Online');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('ping');
    expect((await get('?format=columns')).status).toBe(400);
  });
});
