import { describe, expect, it } from 'vitest';
import type { OpsItemFilter } from '@aws-sdk/client-ssm';
import { OpsItemsViewSchema, parseOpsItemsView } from '@/lib/contracts/ops-items';
import { filterKey, opsItemFilters, statusPartitions } from './filters';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const view = (q: string) => {
  const r = parseOpsItemsView(new URLSearchParams(q));
  if (!r.success) throw r.error;
  return r.data;
};

describe('opsItemFilters', () => {
  it('asks for open and in-progress OpsItems by default, and for every status with status=all', () => {
    expect(opsItemFilters(view(''), NOW)).toEqual([{ Key: 'Status', Operator: 'Equal', Values: ['Open', 'InProgress'] }]);
    expect(opsItemFilters(view('status=all'), NOW)).toEqual([]);
    expect(opsItemFilters(view('status=Resolved'), NOW)).toEqual([{ Key: 'Status', Operator: 'Equal', Values: ['Resolved'] }]);
  });

  it('turns every filter of the view into the DescribeOpsItems filter AWS documents for it', () => {
    const f = opsItemFilters(view('status=all&severity=1,2&priority=1&category=Security&source=CloudWatch&type=/aws/issue&node=i-0123456789abcdef0&title=disk&created=7d&createdBefore=2026-11-29'), NOW);
    expect(f).toEqual([
      { Key: 'Severity', Operator: 'Equal', Values: ['1', '2'] },
      { Key: 'Priority', Operator: 'Equal', Values: ['1'] },
      { Key: 'Category', Operator: 'Equal', Values: ['Security'] },
      { Key: 'Source', Operator: 'Equal', Values: ['CloudWatch'] },
      { Key: 'OpsItemType', Operator: 'Equal', Values: ['/aws/issue'] },
      { Key: 'CreatedTime', Operator: 'GreaterThan', Values: ['2026-11-23T12:00:00.000Z'] },
      { Key: 'CreatedTime', Operator: 'LessThan', Values: ['2026-11-29T00:00:00.000Z'] },
      { Key: 'ResourceId', Operator: 'Contains', Values: ['i-0123456789abcdef0'] },
      { Key: 'Title', Operator: 'Contains', Values: ['disk'] },
    ]);
  });

  it('keeps the later of a preset and an explicit lower bound', () => {
    const f = opsItemFilters(view('created=90d&createdAfter=2026-11-01T00:00:00Z'), NOW);
    expect(f.find((x) => x.Key === 'CreatedTime')).toEqual({ Key: 'CreatedTime', Operator: 'GreaterThan', Values: ['2026-11-01T00:00:00.000Z'] });
  });

  it('caches by what AWS is asked, not by how the browser sorts', () => {
    const a = view('severity=1&sort=title&dir=asc');
    const b = view('severity=1');
    expect(filterKey(a, ['us-east-1'])).toBe(filterKey(b, ['us-east-1']));
    expect(filterKey(a, ['us-east-1'])).not.toBe(filterKey(view('severity=2'), ['us-east-1']));
  });

  it('rejects what it cannot ask AWS for, naming the parameter', () => {
    const bad = (q: string) => {
      const r = OpsItemsViewSchema.safeParse(Object.fromEntries(new URLSearchParams(q)));
      return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    };
    expect(bad('created=2w')).toMatch(/created: created must be 24h, 7d, 30d or 90d/);
    expect(bad('sort=colour')).toMatch(/sort/);
  });

  it('splits a query by status into disjoint parts that page in parallel, keeping every other filter', () => {
    const sev: OpsItemFilter = { Key: 'Severity', Operator: 'Equal', Values: ['1'] };
    const parts = (q: string) => statusPartitions(opsItemFilters(view(q), NOW)).map((p) => p.map((f) => `${f.Key}=${f.Values!.join('|')}`).join(' & '));
    expect(parts('severity=1')).toEqual(['Status=Open & Severity=1', 'Status=InProgress & Severity=1']);
    expect(parts('status=Resolved')).toEqual(['Status=Resolved']);
    const all = statusPartitions([sev]);
    expect(all.map((p) => p[0].Values)).toEqual([['Open'], ['InProgress'], ['Resolved'], expect.arrayContaining(['Closed', 'Pending', 'Approved'])]);
    // Together the parts ask for every status exactly once.
    expect(all.flatMap((p) => p[0].Values).sort()).toEqual([...new Set(all.flatMap((p) => p[0].Values))].sort());
    expect(all.flatMap((p) => p[0].Values)).toHaveLength(20);
    expect(all.every((p) => p[1] === sev)).toBe(true);
  });
});
