/** SSM DescribeOpsItems: OpsItemFilters (key, operator, values) and paging. */
import { SimError } from './errors';
import { decodeToken, encodeToken, pageAfter } from './paging';
import { regionFleet, type FleetStore } from './store';
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

type Getter = (item: OpsItem) => string | string[];
type Field = { get: Getter; operators: readonly string[]; time?: (item: OpsItem) => number };

/** Keys and the operators AWS documents for them. */
const FIELDS: Record<string, Field> = {
  Status: { get: (i) => i.status, operators: ['Equal'] },
  OpsItemId: { get: (i) => i.id, operators: ['Equal'] },
  ResourceId: { get: (i) => i.resourceArns, operators: ['Contains'] },
  Severity: { get: (i) => i.severity, operators: ['Equal'] },
  Priority: { get: (i) => String(i.priority), operators: ['Equal'] },
  Source: { get: (i) => i.source, operators: ['Equal', 'Contains'] },
  Title: { get: (i) => i.title, operators: ['Equal', 'Contains'] },
  Category: { get: (i) => i.category, operators: ['Equal'] },
  OpsItemType: { get: (i) => i.opsItemType, operators: ['Equal'] },
  CreatedTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.createdTime },
  LastModifiedTime: { get: () => '', operators: ['GreaterThan', 'LessThan'], time: (i) => i.lastModifiedTime },
};

type Predicate = (item: OpsItem) => boolean;

function compile(filter: OpsItemFilterInput): Predicate {
  const field = FIELDS[filter.Key];
  if (!field) {
    throw new SimError('ValidationException', `The simulated AWS does not support the OpsItem filter key ${filter.Key}. Supported: ${Object.keys(FIELDS).join(', ')}.`);
  }
  if (!field.operators.includes(filter.Operator)) {
    throw new SimError('ValidationException', `Operator ${filter.Operator} is not supported for the filter key ${filter.Key}. Supported operators: ${field.operators.join(', ')}.`);
  }
  const values = filter.Values;
  if (field.time) {
    const times = values.map((v) => {
      const t = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      if (Number.isNaN(t)) throw new SimError('ValidationException', `Value ${v} for the filter key ${filter.Key} is not a valid date.`);
      return t;
    });
    const time = field.time;
    return filter.Operator === 'GreaterThan' ? (i) => times.some((t) => time(i) > t) : (i) => times.some((t) => time(i) < t);
  }
  const matches =
    filter.Operator === 'Contains'
      ? (actual: string, v: string) => actual.includes(v)
      : filter.Key === 'Title'
        ? (actual: string, v: string) => actual.slice(0, 100) === v.slice(0, 100)
        : (actual: string, v: string) => actual === v;
  return (item) => {
    const actual = field.get(item);
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
