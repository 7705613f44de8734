import { describe, expect, it } from 'vitest';
import { describeZodError } from './errors';
import { BulkOpsItemsRequestSchema, CreateOpsItemRequestSchema, opsItemsHref, opsViewToSearchParams, parseOpsItemsView, UpdateOpsItemRequestSchema } from './ops-items';

const create = (over: object) => {
  const r = CreateOpsItemRequestSchema.safeParse({ title: 't', description: 'd', region: 'us-east-1', ...over });
  return r.success ? 'ok' : describeZodError(r.error);
};

describe('OpsItem requests, validated as AWS validates', () => {
  it('accepts the limits exactly and refuses one past them', () => {
    expect(create({ title: 'x'.repeat(1024), description: 'y'.repeat(2048), source: 's'.repeat(128) })).toBe('ok');
    expect(create({ title: 'x'.repeat(1025) })).toMatch(/^title: title must be at most 1024 characters/);
    expect(create({ description: 'y'.repeat(2049) })).toMatch(/^description: .*2048/);
    expect(create({ source: 's'.repeat(129) })).toMatch(/^source: .*128/);
    expect(create({ operationalData: [{ key: 'k'.repeat(128), value: 'é'.repeat(10240) }] })).toBe('ok');
    expect(create({ operationalData: [{ key: 'k'.repeat(129), value: 'v' }] })).toMatch(/at most 128/);
    expect(create({ operationalData: [{ key: 'k', value: 'é'.repeat(10241) }] })).toMatch(/20 KB/);
  });

  it('refuses reserved words, blank text and values outside AWS lists', () => {
    for (const source of ['aws', 'my-AWS-tool', 'amazon', 'x-amzn']) expect(create({ source })).toMatch(/may not contain "aws", "amazon" or "amzn"/);
    for (const key of ['aws', 'AWS:thing', '/aws/x', 'amazonX', '/amzn', 'ssm-x', '/ssm/y']) expect(create({ operationalData: [{ key, value: 'v' }] })).toMatch(/may not begin with/);
    expect(create({ title: '   ' })).toMatch(/title must not be empty/);
    expect(create({ severity: '0' })).toMatch(/severity must be "1", "2", "3" or "4"/);
    expect(create({ severity: 1 })).toMatch(/severity/);
    expect(create({ priority: 0 })).toMatch(/priority must be from 1 to 5/);
    expect(create({ category: 'security' })).toMatch(/category must be one of Availability, Cost, Performance, Recovery, Security/);
    expect(create({ operationalData: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] })).toMatch(/unique/);
    expect(create({ nodeIds: Array.from({ length: 101 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`) })).toMatch(/at most 100 nodes/);
  });

  it('needs something to change in an update and one status for a bulk change', () => {
    expect(UpdateOpsItemRequestSchema.safeParse({ region: 'us-east-1' }).success).toBe(false);
    expect(UpdateOpsItemRequestSchema.safeParse({ status: 'Resolved' }).success).toBe(true);
    expect(UpdateOpsItemRequestSchema.safeParse({ status: 'Done' }).success).toBe(false);
    const dup = BulkOpsItemsRequestSchema.safeParse({ items: [{ id: 'oi-0123456789ab', region: 'us-east-1' }, { id: 'oi-0123456789ab', region: 'us-east-1' }], status: 'Resolved' });
    expect(dup.success ? '' : describeZodError(dup.error)).toMatch(/each OpsItem may appear once/);
  });
});

describe('the OpsItems view in the URL', () => {
  it('round-trips through the URL with defaults left out', () => {
    const q = 'status=Open&severity=1&severity=2&created=7d&node=i-0123456789abcdef0&sort=severity&dir=asc';
    const r = parseOpsItemsView(new URLSearchParams(q));
    expect(r.success).toBe(true);
    expect(opsViewToSearchParams(r.data!).toString()).toBe(q);
    expect(opsItemsHref({})).toBe('/ops-items');
    expect(opsItemsHref({ severity: ['1'] })).toBe('/ops-items?severity=1');
  });
});
