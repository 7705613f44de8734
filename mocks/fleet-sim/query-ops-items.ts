/** SSM DescribeOpsItems: OpsItemFilters (key, operator, values) and paging. */
import { SimError } from './errors';
import { decodeToken, encodeToken, pageAfter } from './paging';
import { regionFleet, type FleetStore } from './store';
import { automationIdsOf, relatedResourceUris } from './ops-items';
import type { OpsItem } from './types';

export interface OpsItemFilterInput {
  Key: string;
  Values: string[];
  Operator: string;
}

export interface OpsItemsQuery {
  filters?: OpsItemFilterInput[];
  maxResults?: number;
  nextToken?: string;
}

type Getter = (item: OpsItem) => string | string[] | undefined;
type Field = { get: Getter; operators: readonly string[]; time?: (item: OpsItem) => number | undefined };

const searchable = (item: OpsItem) => Object.entries(item.operationalData).filter(([, v]) => v.Type === 'SearchableString');

/**
 * Keys and the operators AWS documents for them (the API reference's OpsItemFilters list), plus the
 * keys of the model's enum it does not list (Severity, Category, OpsItemType, CreatedBy: Equal).
 * Operational data filters see only SearchableString entries.
 */
const FIELDS: Record<string, Field> = {
  Status: { get: (i) => i.status, operators: ['Equal'] },
  OpsItemId: { get: (i) => i.id, operators: ['Equal'] },
  ResourceId: { get: relatedResourceUris, operators: ['Contains'] },
  Severity: { get: (i) => i.severity, operators: ['Equal'] },
  Priority: { get: (i) => (i.priority === undefined ? undefined : String(i.priority)), operators: ['Equal'] },
  Source: { get: (i) => i.source, operators: ['Equal', 'Contains'] },
  Title: { get: (i) => i.title, operators: ['Equal', 'Contains'] },
  Category: { get: (i) => i.category, operators: ['Equal'] },
  OpsItemType: { get: (i) => i.opsItemType, operators: ['Equal'] },
  CreatedBy: { get: (i) => i.createdBy, operators: ['Equal', 'Contains'] },
  AccountId: { get: (i) => i.account, operators: ['Equal'] },
  AutomationId: { get: automationIdsOf, operators: ['Equal'] },
  OperationalDataKey: { get: (i) => searchable(i).map(([k]) => k), operators: ['Equal'] },
  OperationalDataValue: { get: (i) => searchable(i).map(([, v]) => v.Value), operators: ['Equal', 'Contains'] },
  OperationalData: { get: (i) => searchable(i).map(([k, v]) => JSON.stringify({ key: k, value: v.Value })), operators: ['Equal'] },
  CreatedTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.createdTime },
  LastModifiedTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.lastModifiedTime },
  ActualStartTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.actualStartTime },
  ActualEndTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.actualEndTime },
  PlannedStartTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.plannedStartTime },
  PlannedEndTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.plannedEndTime },
};

/** Keys of access requests, change requests and insights: accepted (Equal), but the simulation has none of those, so they match nothing. */
const NEVER_MATCHING = /^(AccessRequestBy|ChangeRequestBy)|^InsightByType$/;

type Predicate = (item: OpsItem) => boolean;

/** {"key":"k","value":"v"} of an OperationalData filter, normalized for comparison. */
function operationalDataValue(v: string): string {
  try {
    const parsed = JSON.parse(v) as { key?: unknown; value?: unknown };
    if (parsed && typeof parsed.key === 'string' && typeof parsed.value === 'string') return JSON.stringify({ key: parsed.key, value: parsed.value });
  } catch {
    // fall through
  }
  throw new SimError('ValidationException', `The OperationalData filter value ${v} must be JSON like {"key":"key_name","value":"a_value"}.`);
}

function compile(filter: OpsItemFilterInput): Predicate {
  if (NEVER_MATCHING.test(filter.Key)) {
    if (filter.Operator !== 'Equal') throw new SimError('ValidationException', `Operator ${filter.Operator} is not supported for the filter key ${filter.Key}. Supported operators: Equal.`);
    return () => false;
  }
  const field = FIELDS[filter.Key];
  if (!field) {
    throw new SimError('ValidationException', `The simulated AWS does not support the OpsItem filter key ${filter.Key}. Supported: ${Object.keys(FIELDS).join(', ')}.`);
  }
  if (!field.operators.includes(filter.Operator)) {
    throw new SimError('ValidationException', `Operator ${filter.Operator} is not supported for the filter key ${filter.Key}. Supported operators: ${field.operators.join(', ')}.`);
  }
  let values = filter.Values;
  if (field.time) {
    const times = values.map((v) => {
      const t = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      if (Number.isNaN(t)) throw new SimError('ValidationException', `Value ${v} for the filter key ${filter.Key} is not a valid date.`);
      return t;
    });
    const time = field.time;
    const cmp = filter.Operator === 'GreaterThan' ? (a: number, t: number) => a > t : (a: number, t: number) => a < t;
    return (i) => {
      const actual = time(i);
      return actual !== undefined && times.some((t) => cmp(actual, t));
    };
  }
  if (filter.Key === 'Title' && filter.Operator === 'Equal') {
    const long = values.find((v) => v.length > 100);
    if (long) throw new SimError('ValidationException', `The value of the Title filter exceeds the length limit of 100 characters: ${long.slice(0, 40)}...`);
  }
  if (filter.Key === 'OperationalData') values = values.map(operationalDataValue);
  const matches =
    filter.Operator === 'Contains'
      ? (actual: string, v: string) => actual.includes(v)
      : filter.Key === 'Title'
        ? (actual: string, v: string) => actual.slice(0, 100) === v
        : (actual: string, v: string) => actual === v;
  return (item) => {
    const actual = field.get(item);
    if (actual === undefined) return false;
    const list = Array.isArray(actual) ? actual : [actual];
    return values.some((v) => list.some((a) => matches(a, v)));
  };
}

export function queryOpsItems(store: FleetStore, region: string, query: OpsItemsQuery): { items: OpsItem[]; nextToken?: string } {
  const predicates = (query.filters ?? []).map(compile);
  const scope = `DescribeOpsItems/${region}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw new SimError('ValidationException', 'The NextToken is not valid.');
    after = cursor;
  }
  const accept = (item: OpsItem) => predicates.every((p) => p(item));
  const page = pageAfter(regionFleet(store, region).opsItems, (i) => i.seq, after, query.maxResults ?? 50, accept);
  return {
    items: page.items,
    nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor),
  };
}
