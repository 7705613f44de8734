import type { OpsItemFilter } from '@aws-sdk/client-ssm';
import { CREATED_PRESETS, OPS_ITEM_STATUSES, viewStatuses, type OpsItemsView } from '@/lib/contracts/ops-items';

const DAY_MS = 86_400_000;

/**
 * The list view as DescribeOpsItems filters: AWS applies them (filters ANDed, the values of one filter ORed), so a
 * view of 40 OpsItems among 50,000 reads one page, not all of them. Pure.
 */
export function opsItemFilters(view: OpsItemsView, now: number): OpsItemFilter[] {
  const f: OpsItemFilter[] = [];
  const eq = (Key: OpsItemFilter['Key'], Values: string[]) => Values.length && f.push({ Key, Operator: 'Equal', Values });
  const statuses = viewStatuses(view);
  if (statuses) eq('Status', statuses);
  eq('Severity', view.severity);
  eq('Priority', view.priority);
  eq('Category', view.category);
  eq('Source', view.source);
  eq('OpsItemType', view.type);
  const after = [view.created && new Date(now - CREATED_PRESETS[view.created] * DAY_MS).toISOString(), view.createdAfter && new Date(view.createdAfter).toISOString()]
    .filter((x): x is string => !!x)
    .sort();
  // Two lower bounds: the later one is the one that matters.
  if (after.length) f.push({ Key: 'CreatedTime', Operator: 'GreaterThan', Values: [after[after.length - 1]] });
  if (view.createdBefore) f.push({ Key: 'CreatedTime', Operator: 'LessThan', Values: [new Date(view.createdBefore).toISOString()] });
  if (view.node) f.push({ Key: 'ResourceId', Operator: 'Contains', Values: [view.node] });
  if (view.title) f.push({ Key: 'Title', Operator: 'Contains', Values: [view.title] });
  return f;
}

/** The part of a view that decides what AWS returns (not sort): the cache key of a list read. */
export function filterKey(view: OpsItemsView, regions: string[]): string {
  return JSON.stringify({ ...view, sort: undefined, dir: undefined, regions });
}

/** The statuses most OpsItems have: each gets its own stream; the rare ones share one. */
const COMMON = ['Open', 'InProgress', 'Resolved'];

/**
 * DescribeOpsItems pages 50 at a time behind a NextToken, so one query over 3,000 OpsItems is 60 calls in a row.
 * Every OpsItem has exactly one status, so the same query split by status gives disjoint parts that page in parallel:
 * the longest chain is the largest status's pages, for a few extra calls (one per empty part). Pure.
 */
export function statusPartitions(filters: OpsItemFilter[]): OpsItemFilter[][] {
  const status = filters.find((f) => f.Key === 'Status');
  const rest = filters.filter((f) => f !== status);
  const wanted = status?.Values ?? [...OPS_ITEM_STATUSES];
  const parts = [...COMMON.filter((s) => wanted.includes(s)).map((s) => [s]), wanted.filter((s) => !COMMON.includes(s))].filter((p) => p.length);
  return parts.map((values) => [{ Key: 'Status', Operator: 'Equal', Values: values }, ...rest]);
}
