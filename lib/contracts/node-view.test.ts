import { describe, expect, it } from 'vitest';
import type { NodeRow } from './node';
import {
  applyView, filterNodes, NodeViewSchema, parseNodeView, searchParamsToInput, sortNodes, viewToSearchParams, DEFAULT_VIEW,
  environmentFilter, environmentOf, osVersionOf, tagFilterToString,
} from './node-view';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function row(over: Partial<NodeRow>): NodeRow {
  return {
    id: 'i-0000000000000000a', account: '', accountName: '', region: 'us-east-1', name: 'web-1', managed: true, ping: 'Online', lastPingAt: '2026-11-22T11:59:00Z',
    platformType: 'Linux', platformName: 'Amazon Linux', platformVersion: '2023', agentVersion: '3.3.1142.0', agentLatest: true,
    ip: '10.0.0.1', computerName: 'ip-10-0-0-1', resourceType: 'EC2Instance', ec2State: 'running', instanceType: 't3.micro',
    az: 'us-east-1a', imageId: 'ami-1', instanceProfile: 'ssm', launchTime: null, publicIp: null, vpcId: null, asg: null,
    tags: { Environment: 'prod', Team: 'payments' }, patchStatus: 'compliant', patchMissing: 0, patchFailed: 0,
    patchPendingReboot: 0, patchRejected: 0, patchInstalled: 10, patchCritical: 0, patchSecurity: 0, patchOther: 0,
    patchScannedAt: '2026-11-21T00:00:00Z', patchOperation: 'Scan', patchGroup: 'prod-linux', baselineId: 'pb-1', openOpsItems: 0,
    ...over,
  };
}

const fleet = [
  row({ id: 'i-0000000000000000a', name: 'web-1' }),
  row({ id: 'i-0000000000000000b', name: 'web-10', ping: 'ConnectionLost', tags: { Environment: 'staging', Team: 'payments' } }),
  row({ id: 'i-0000000000000000c', name: 'db-2', platformName: 'Ubuntu', patchStatus: 'noncompliant', patchMissing: 4, patchCritical: 1, tags: { Environment: 'prod' } }),
  row({ id: 'mi-0000000000000000d', name: 'onprem', region: 'eu-west-1', patchStatus: 'notScanned', patchScannedAt: null, agentLatest: false, openOpsItems: 2, tags: {} }),
  row({ id: 'i-0000000000000000e', name: null, ping: 'NotManaged', managed: false, patchStatus: null, patchScannedAt: null, agentLatest: null, openOpsItems: 0, tags: { Environment: 'dev' } }),
  row({ id: 'i-0000000000000000f', name: 'old-scan', patchScannedAt: '2026-11-01T00:00:00Z', tags: { Environment: 'dev', Team: 'search' } }),
];

const view = (q: Record<string, string | string[]>) => {
  const r = parseNodeView(q);
  if (!r.success) throw r.error;
  return r.data;
};
const ids = (rows: NodeRow[]) => rows.map((r) => r.id.slice(-1));

describe('node view: parsing', () => {
  it('parses repeated and scalar params, keeping the first scalar', () => {
    const v = view({ ping: ['Online', 'Inactive'], q: 'web', sort: 'lastPing', dir: 'desc', tag: 'Environment=prod', cols: 'name,id' });
    expect(v.ping).toEqual(['Online', 'Inactive']);
    expect(v.tag).toEqual([{ key: 'Environment', value: 'prod', negate: false }]);
    expect(v.cols).toEqual(['name', 'id']);
    expect(v.sort).toBe('lastPing');
  });

  it('names the problem in a bad view', () => {
    const r = parseNodeView({ ping: 'Sleeping', sort: 'nope', tag: 'novalue' });
    expect(r.success).toBe(false);
    const msg = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(msg).toMatch(/ping\.0/);
    expect(msg).toMatch(/unknown column "nope"/);
    expect(msg).toMatch(/tag filter "novalue"/);
  });

  it('accepts tag columns and tag grouping, rejects other groupings', () => {
    expect(view({ group: 'tag:Team', cols: 'name,tag:Cost Center' }).group).toBe('tag:Team');
    expect(parseNodeView({ group: 'name' }).success).toBe(false);
  });

  it('round-trips through the URL with defaults omitted', () => {
    const v = view({ ping: ['ConnectionLost'], tag: ['Team=payments', '!Owner', 'App=*'], q: 'a b', group: 'tag:Team', sort: 'name' });
    const qs = viewToSearchParams(v).toString();
    expect(qs).not.toMatch(/sort=/);
    expect(NodeViewSchema.parse(searchParamsToInput(new URLSearchParams(qs)))).toEqual(v);
    expect(viewToSearchParams(DEFAULT_VIEW).toString()).toBe('');
  });
});

describe('node view: filtering', () => {
  it('ORs values within a filter and ANDs across filters', () => {
    expect(ids(filterNodes(fleet, view({ ping: ['ConnectionLost', 'NotManaged'] }), NOW))).toEqual(['b', 'e']);
    expect(ids(filterNodes(fleet, view({ ping: ['Online'], platform: ['Ubuntu'] }), NOW))).toEqual(['c']);
  });

  it('filters by tag value, presence and absence', () => {
    expect(ids(filterNodes(fleet, view({ tag: 'Environment=prod' }), NOW))).toEqual(['a', 'c']);
    expect(ids(filterNodes(fleet, view({ tag: ['Environment=prod', 'Environment=dev'] }), NOW))).toEqual(['a', 'c', 'e', 'f']);
    expect(ids(filterNodes(fleet, view({ tag: ['Environment=dev', 'Team=*'] }), NOW))).toEqual(['f']);
    expect(ids(filterNodes(fleet, view({ tag: '!Team' }), NOW))).toEqual(['c', 'd', 'e']);
  });

  it('filters by patch state, scan age, agent and OpsItems', () => {
    expect(ids(filterNodes(fleet, view({ patch: 'noncompliant' }), NOW))).toEqual(['c']);
    expect(ids(filterNodes(fleet, view({ patch: 'critical' }), NOW))).toEqual(['c']);
    expect(ids(filterNodes(fleet, view({ patch: 'notScanned' }), NOW))).toEqual(['d']);
    expect(ids(filterNodes(fleet, view({ patch: 'staleScan' }), NOW))).toEqual(['f']);
    expect(ids(filterNodes(fleet, view({ agent: 'outdated' }), NOW))).toEqual(['d']);
    expect(ids(filterNodes(fleet, view({ ops: 'open' }), NOW))).toEqual(['d']);
  });

  it('filters by OS version, exact agent version, AMI and environment (the overview charts link with these)', () => {
    const more = [
      ...fleet,
      row({ id: 'i-0000000000000000g', platformName: 'Ubuntu', platformVersion: '24.04', agentVersion: '3.2.582.0', imageId: 'ami-0123456789abcdef0', tags: {} }),
      row({ id: 'i-0000000000000000h', platformName: 'Ubuntu', platformVersion: '22.04', agentVersion: '3.3.1142.0', imageId: 'ami-0123456789abcdef1', tags: { Environment: 'prod' } }),
    ];
    expect(osVersionOf(more[7])).toBe('Ubuntu 22.04');
    expect(osVersionOf({ platformName: 'Windows Server', platformVersion: null })).toBe('Windows Server');
    expect(ids(filterNodes(more, view({ os: 'Ubuntu 22.04' }), NOW))).toEqual(['h']);
    expect(ids(filterNodes(more, view({ os: ['Ubuntu 22.04', 'Ubuntu 24.04'] }), NOW))).toEqual(['g', 'h']);
    expect(ids(filterNodes(more, view({ os: 'Ubuntu' }), NOW))).toEqual([]); // the whole label, not a prefix
    expect(ids(filterNodes(more, view({ agentv: '3.2.582.0' }), NOW))).toEqual(['g']);
    expect(parseNodeView({ ami: 'ami-1' }).success).toBe(false);
    expect(ids(filterNodes(more, view({ ami: 'ami-0123456789abcdef1' }), NOW))).toEqual(['h']);
    expect(ids(filterNodes(more, view({ tag: tagFilterToString(environmentFilter('prod')) }), NOW))).toEqual(['a', 'c', 'h']);
    expect(ids(filterNodes(more, view({ tag: tagFilterToString(environmentFilter(null)) }), NOW))).toEqual(['d', 'g']);
    expect(more.filter((r) => environmentOf(r) === null).map((r) => r.id.slice(-1))).toEqual(['d', 'g']);
    // Round trip through the URL.
    const v = view({ os: 'Amazon Linux 2023', agentv: '3.3.1142.0', ami: 'ami-0123456789abcdef0' });
    expect(viewToSearchParams(v).toString()).toBe('os=Amazon+Linux+2023&agentv=3.3.1142.0&ami=ami-0123456789abcdef0');
    expect(NodeViewSchema.parse(searchParamsToInput(viewToSearchParams(v)))).toEqual(v);
  });

  it('searches names, IDs and tag values case-insensitively', () => {
    expect(ids(filterNodes(fleet, view({ q: 'WEB' }), NOW))).toEqual(['a', 'b']);
    expect(ids(filterNodes(fleet, view({ q: 'search' }), NOW))).toEqual(['f']);
    expect(ids(filterNodes(fleet, view({ q: 'mi-0000' }), NOW))).toEqual(['d']);
  });
});

describe('node view: sorting and grouping', () => {
  it('sorts naturally (web-1 < web-10), unknown values last in both directions', () => {
    expect(ids(sortNodes(fleet, 'name', 'asc'))).toEqual(['c', 'f', 'd', 'a', 'b', 'e']);
    expect(ids(sortNodes(fleet, 'name', 'desc'))).toEqual(['b', 'a', 'd', 'f', 'c', 'e']);
  });

  it('sorts worst patch state first when descending', () => {
    expect(ids(sortNodes(fleet, 'patch', 'desc')).slice(0, 2)).toEqual(['c', 'd']);
  });

  it('orders groups by name with "(none)" last, keeping the sort inside each group', () => {
    const rows = applyView(fleet, view({ group: 'tag:Team', sort: 'name', dir: 'desc' }), NOW);
    expect(rows.map((r) => r.tags.Team ?? '(none)')).toEqual(['payments', 'payments', 'search', '(none)', '(none)', '(none)']);
    expect(ids(rows).slice(0, 2)).toEqual(['b', 'a']);
  });
});
