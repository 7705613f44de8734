import { describe, expect, it } from 'vitest';
import { DEFAULT_OPS_VIEW, type OpsItemRow } from '@/lib/contracts/ops-items';
import { prettyJson, shortArn } from './arn';
import { draftErrors, draftToRequest, initialDraft, type CreatePreset } from './create-draft';
import { sortRows } from '@/app/ops-items/_components/sort';
import { activeChips, statusPhrase } from '@/app/ops-items/_components/chips';

describe('shortArn', () => {
  it('names the person or role, not the account plumbing', () => {
    expect(shortArn('arn:aws:sts::123456789012:assumed-role/OpsEngineer/sam.lee')).toBe('sam.lee (role OpsEngineer)');
    expect(shortArn('arn:aws:iam::123456789012:user/bob')).toBe('bob (IAM user)');
    expect(shortArn('arn:aws:iam::123456789012:root')).toBe('root (account 123456789012)');
    expect(shortArn('demo-operator')).toBe('demo-operator');
    expect(shortArn(null)).toBe('—');
  });
});

describe('prettyJson', () => {
  it('formats objects and arrays only', () => {
    expect(prettyJson('[{"arn":"x"}]')).toBe('[\n  {\n    "arn": "x"\n  }\n]');
    expect(prettyJson('42')).toBeNull();
    expect(prettyJson('{broken')).toBeNull();
    expect(prettyJson('plain text')).toBeNull();
  });
});

describe('create draft', () => {
  const list: CreatePreset = { dialogTitle: 'x', regions: ['us-east-1', 'eu-west-1'], from: { kind: 'list' } };
  it('checks with the server schema, per field', () => {
    const d = { ...initialDraft(list), title: ' ', nodeIds: 'i-123', data: [{ key: 'aws:x', value: 'v', searchable: true }] };
    const e = draftErrors(draftToRequest(d, list), list);
    expect(e.title).toMatch(/must not be empty/);
    expect(e.description).toMatch(/must not be empty/);
    expect(e.nodeIds).toMatch(/^i-123: a node ID looks like/);
    expect(e['operationalData.0.key']).toMatch(/AWS reserves them/);
  });
  it('needs a region when no node says where, and leaves blank optional fields out', () => {
    const d = { ...initialDraft(list), title: 't', description: 'd' };
    const req = draftToRequest(d, list);
    expect(req).toEqual({ title: 't', description: 'd', nodeIds: [], operationalData: [], from: { kind: 'list' } });
    expect(draftErrors(req, list).region).toMatch(/choose the region/);
    expect(draftErrors(draftToRequest({ ...d, region: 'eu-west-1' }, list), list)).toEqual({});
  });
  it('a triage group picks its regions itself', () => {
    const triage: CreatePreset = { dialogTitle: 'x', regions: ['us-east-1'], regionFromSource: true, from: { kind: 'triage', runId: 'run-1', group: 'g' }, title: 't', description: 'd', severity: '2', priority: 2, category: 'Availability' };
    const req = draftToRequest({ ...initialDraft(triage), region: 'us-east-1' }, triage);
    expect(req.region).toBeUndefined();
    expect(req).toMatchObject({ severity: '2', priority: 2, category: 'Availability' });
    expect(draftErrors(req, triage)).toEqual({});
  });
});

const row = (id: string, p: Partial<OpsItemRow>): OpsItemRow => ({
  id, region: 'us-east-1', title: id, status: 'Open', severity: null, priority: null, category: null, source: 's', type: '/aws/issue',
  createdAt: null, createdBy: null, modifiedAt: null, modifiedBy: null, nodeIds: [], ...p,
});

describe('sortRows', () => {
  const rows = [row('a', { severity: '3', createdAt: '2026-11-01T00:00:00Z' }), row('b', { severity: '1', createdAt: '2026-11-03T00:00:00Z' }), row('c', {})];
  it('sorts newest first by default, blanks last', () => {
    expect(sortRows(rows, { sort: 'created', dir: 'desc' }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, { sort: 'created', dir: 'asc' }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('severity "desc" is most urgent first (1 Critical)', () => {
    expect(sortRows(rows, { sort: 'severity', dir: 'desc' }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('chips and count line', () => {
  it('one chip per filter; the default status is not a chip', () => {
    expect(activeChips(DEFAULT_OPS_VIEW)).toEqual([]);
    expect(statusPhrase(DEFAULT_OPS_VIEW)).toBe('open and in progress');
    const v = { ...DEFAULT_OPS_VIEW, status: ['Resolved' as const], severity: ['1' as const], node: 'i-0123456789abcdef0', created: '7d' as const };
    expect(activeChips(v).map((c) => c.label)).toEqual(['Status: Resolved', 'Severity: 1 Critical', 'Created: last 7 days', 'Node: i-0123456789abcdef0']);
    expect(statusPhrase(v)).toBe('resolved');
    expect(statusPhrase({ ...DEFAULT_OPS_VIEW, status: ['all'] })).toBe('every status');
  });
});
