/**
 * OpsCenter writes: CreateOpsItem, UpdateOpsItem, Get, related items (List/Associate/Disassociate),
 * with AWS's rules on parameters, deduplication (`/aws/dedup`) and the open-OpsItem quota.
 * Input has passed the model's checks (lengths, ranges, patterns) before it gets here.
 */
import { SimError } from './errors';
import { decodeToken, encodeToken, hashToken, pageAfter } from './paging';
import type { Rng } from './prng';
import { regionFleet, regionFleetForWrite, type FleetStore } from './store';
import type { OpsItem, OpsItemDataValue, OpsItemRelatedItem, OpsItemSeverity, OpsItemStatus, Tag } from './types';

/**
 * What a CreateOpsItem whose dedup string matches an open OpsItem answers (AWS's docs only say
 * "the OpsItem is not created"): `return-existing` = 200 with the existing OpsItem's ID and ARN,
 * `already-exists` = OpsItemAlreadyExistsException carrying its OpsItemId.
 */
export type OpsItemDedupMode = 'return-existing' | 'already-exists';
export const OPS_ITEM_DEDUP_MODES: readonly OpsItemDedupMode[] = ['return-existing', 'already-exists'];

/** Per-simulation OpsCenter settings (mutable at run time: `sim.opsCenter.dedup = 'already-exists'`). */
export interface OpsCenterSettings {
  dedup: OpsItemDedupMode;
  /** Open (Open + InProgress) OpsItems a region may hold; a create (or a reopen) beyond it fails. */
  openLimit: number;
}

export const DEFAULT_OPEN_OPS_ITEM_LIMIT = 10_000;

/**
 * Who the simulated AWS thinks is calling: the same identity its AccessDenied answers name
 * (scenarios/faults.ts). CreatedBy/LastModifiedBy of API writes.
 */
export const MOCK_CALLER_ROLE = 'FleetDashboardReadOnly';
export function callerArn(accountId: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${MOCK_CALLER_ROLE}/mock-session`;
}

export function opsItemArn(item: Pick<OpsItem, 'region' | 'account' | 'id'>): string {
  return `arn:aws:ssm:${item.region}:${item.account}:opsitem/${item.id}`;
}

/** A random (version 4) UUID from the seeded draws. */
export function uuidFrom(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const OPS_ITEM_TYPES = ['/aws/issue', '/aws/insight', '/aws/changerequest'] as const;
export const OPS_ITEM_CATEGORIES = ['Availability', 'Cost', 'Performance', 'Recovery', 'Security'] as const;
const SEVERITIES: readonly string[] = ['1', '2', '3', '4'];
export const ISSUE_STATUSES: readonly OpsItemStatus[] = ['Open', 'InProgress', 'Resolved'];
const OPEN_STATUSES: readonly OpsItemStatus[] = ['Open', 'InProgress'];
/** Keys only AWS may write, except these three, which AWS documents for users. */
const RESERVED_KEY_PREFIXES = ['amazon', 'aws', 'amzn', 'ssm', '/amazon', '/aws', '/amzn', '/ssm'];
export const USER_AWS_KEYS = ['/aws/resources', '/aws/dedup', '/aws/automations'];
export const MAX_OPDATA_VALUE_BYTES = 20 * 1024;
const ASSOCIATION_TYPES = ['IsParentOf', 'RelatesTo'];
/** The association type of related items seeded from `/aws/resources` (the OpsItem is about them). */
export const RESOURCE_ASSOCIATION_TYPE = 'RelatesTo';

const invalid = (names: string[], message: string) => new SimError('OpsItemInvalidParameterException', message, { ParameterNames: names });
const notFound = (id: string) => new SimError('OpsItemNotFoundException', `OpsItem with id ${id} not found.`);

export const isOpen = (item: OpsItem) => OPEN_STATUSES.includes(item.status);

// ---------------------------------------------------------------- operational data

/** ARNs listed in `/aws/resources` (malformed values give none). */
export function resourceArnsOf(item: Pick<OpsItem, 'operationalData'>): string[] {
  const raw = item.operationalData['/aws/resources']?.Value;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.flatMap((r) => (r && typeof r === 'object' && typeof (r as { arn?: unknown }).arn === 'string' ? [(r as { arn: string }).arn] : [])) : [];
  } catch {
    return [];
  }
}

/** The dedup string of `/aws/dedup`, if any. */
export function dedupStringOf(item: Pick<OpsItem, 'operationalData'>): string | undefined {
  const raw = item.operationalData['/aws/dedup']?.Value;
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { dedupString?: unknown };
    return typeof parsed?.dedupString === 'string' ? parsed.dedupString : undefined;
  } catch {
    return undefined;
  }
}

/** Automation runbook IDs of `/aws/automations`. */
export function automationIdsOf(item: Pick<OpsItem, 'operationalData'>): string[] {
  const raw = item.operationalData['/aws/automations']?.Value;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.flatMap((a) => (a && typeof a.automationId === 'string' ? [a.automationId as string] : [])) : [];
  } catch {
    return [];
  }
}

/** Every resource the OpsItem names: `/aws/resources` ARNs and related items' URIs. */
export function relatedResourceUris(item: OpsItem): string[] {
  return [...resourceArnsOf(item), ...item.relatedItems.map((r) => r.resourceUri)];
}

const SERVICE_NAMES: Record<string, string> = {
  ec2: 'EC2', ssm: 'SSM', 'ssm-incidents': 'SSMIncidents', cloudwatch: 'CloudWatch', s3: 'S3', rds: 'RDS', iam: 'IAM', sns: 'SNS',
  sqs: 'SQS', dynamodb: 'DynamoDB', lambda: 'Lambda', elasticloadbalancing: 'ElasticLoadBalancingV2', ecs: 'ECS', eks: 'EKS',
  autoscaling: 'AutoScaling', securityhub: 'SecurityHub', config: 'Config', logs: 'Logs', kms: 'KMS',
};
const RESOURCE_NAMES: Record<string, string> = {
  'managed-instance': 'ManagedInstance', 'incident-record': 'IncidentRecord', 'db': 'DBInstance', 'log-group': 'LogGroup',
  'loadbalancer': 'LoadBalancer', 'autoScalingGroup': 'AutoScalingGroup', 'config-rule': 'ConfigRule',
};
const pascal = (s: string) => s.split(/[-_]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The CloudFormation-style type of an ARN: AWS::EC2::Instance, AWS::SSM::ManagedInstance, AWS::CloudWatch::Alarm, ... */
export function resourceTypeOfArn(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const rest = parts.slice(5).join(':');
  const svc = SERVICE_NAMES[service] ?? pascal(service);
  if (service === 's3') return rest.includes('/') ? 'AWS::S3::Object' : 'AWS::S3::Bucket';
  if (service === 'sns') return 'AWS::SNS::Topic';
  if (service === 'sqs') return 'AWS::SQS::Queue';
  const kind = rest.split(/[:/]/)[0] ?? '';
  return `AWS::${svc}::${RESOURCE_NAMES[kind] ?? pascal(kind)}`;
}

interface DataInput {
  Value?: string;
  Type?: string;
}

function parseJson(key: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw invalid(['OperationalData'], `The value of operational data key ${key} must be valid JSON.`);
  }
}

/** Checks OperationalData as AWS does (reserved key prefixes, value size, the three documented /aws keys' formats). */
function checkOperationalData(data: Record<string, DataInput>): Record<string, OpsItemDataValue> {
  const out: Record<string, OpsItemDataValue> = {};
  for (const [key, entry] of Object.entries(data)) {
    const lower = key.toLowerCase();
    if (!USER_AWS_KEYS.includes(key) && RESERVED_KEY_PREFIXES.some((p) => lower.startsWith(p))) {
      throw invalid(['OperationalData'], `Operational data keys can't begin with the following: amazon, aws, amzn, ssm, /amazon, /aws, /amzn, /ssm (except /aws/resources, /aws/dedup and /aws/automations). Invalid key: ${key}`);
    }
    if (typeof entry?.Value !== 'string') throw invalid(['OperationalData'], `Operational data key ${key} has no Value.`);
    const bytes = Buffer.byteLength(entry.Value, 'utf8');
    if (bytes > MAX_OPDATA_VALUE_BYTES) {
      throw invalid(['OperationalData'], `The value of operational data key ${key} is ${bytes} bytes; the maximum size is 20 KB (${MAX_OPDATA_VALUE_BYTES} bytes).`);
    }
    if (key === '/aws/resources') {
      const parsed = parseJson(key, entry.Value);
      const ok = Array.isArray(parsed) && parsed.every((r) => r && typeof r === 'object' && typeof r.arn === 'string' && r.arn.startsWith('arn:'));
      if (!ok) throw invalid(['OperationalData'], 'The value of /aws/resources must be a JSON list of objects like [{"arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"}].');
    } else if (key === '/aws/dedup') {
      const parsed = parseJson(key, entry.Value) as { dedupString?: unknown } | null;
      if (!parsed || typeof parsed !== 'object' || typeof parsed.dedupString !== 'string' || parsed.dedupString.trim() === '') {
        throw invalid(['OperationalData'], 'The value of /aws/dedup must be a JSON object like {"dedupString":"my-dedup-string"}.');
      }
    } else if (key === '/aws/automations') {
      const parsed = parseJson(key, entry.Value);
      const ok = Array.isArray(parsed) && parsed.every((a) => a && typeof a === 'object' && typeof a.automationId === 'string' && typeof a.automationType === 'string');
      if (!ok) throw invalid(['OperationalData'], 'The value of /aws/automations must be a JSON list of objects like [{"automationType":"AWS:SSM:Automation","automationId":"AWS-RestartEC2Instance"}].');
    }
    // The model does not require Type; like the console, an entry without one is a (non-searchable) String.
    out[key] = { Value: entry.Value, Type: entry.Type === 'SearchableString' ? 'SearchableString' : 'String' };
  }
  return out;
}

// ---------------------------------------------------------------- field rules

export interface OpsItemFieldsInput {
  Title?: string;
  Description?: string;
  Source?: string;
  Severity?: string;
  Priority?: number;
  Category?: string;
  OperationalData?: Record<string, DataInput>;
  Notifications?: Array<{ Arn?: string }>;
  RelatedOpsItems?: Array<{ OpsItemId?: string }>;
  PlannedStartTime?: number;
  PlannedEndTime?: number;
  ActualStartTime?: number;
  ActualEndTime?: number;
}

export interface CreateOpsItemInput extends OpsItemFieldsInput {
  Title: string;
  Description: string;
  Source: string;
  OpsItemType?: string;
  Tags?: Tag[];
  AccountId?: string;
}

export interface UpdateOpsItemInput extends OpsItemFieldsInput {
  OpsItemId: string;
  OpsItemArn?: string;
  Status?: string;
  OperationalDataToDelete?: string[];
}

function checkSource(source: string): void {
  if (/aws|amazon|amzn/i.test(source)) throw invalid(['Source'], `The source name can't contain the following strings: aws, amazon, and amzn (got "${source}").`);
}

function checkFields(input: OpsItemFieldsInput, opsItemType: string): void {
  if (input.Severity !== undefined && !SEVERITIES.includes(input.Severity)) {
    throw invalid(['Severity'], `Severity must be 1, 2, 3 or 4 (got "${input.Severity}").`);
  }
  if (input.Category !== undefined && !(OPS_ITEM_CATEGORIES as readonly string[]).includes(input.Category)) {
    throw invalid(['Category'], `Category must be one of ${OPS_ITEM_CATEGORIES.join(', ')} (got "${input.Category}").`);
  }
  const times = (['PlannedStartTime', 'PlannedEndTime', 'ActualStartTime', 'ActualEndTime'] as const).filter((k) => input[k] !== undefined);
  if (times.length > 0 && opsItemType !== '/aws/changerequest') {
    throw invalid(times, `${times.join(', ')} ${times.length === 1 ? 'is' : 'are'} supported only for OpsItems of type /aws/changerequest.`);
  }
  for (const n of input.Notifications ?? []) {
    if (typeof n.Arn !== 'string' || !/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:.+$/.test(n.Arn)) throw invalid(['Notifications'], `Notification ${JSON.stringify(n.Arn ?? null)} is not the ARN of an SNS topic.`);
  }
  for (const r of input.RelatedOpsItems ?? []) {
    if (typeof r.OpsItemId !== 'string' || !/^oi-[0-9a-f]{12}$/.test(r.OpsItemId)) throw invalid(['RelatedOpsItems'], `Related OpsItem ID ${JSON.stringify(r.OpsItemId ?? null)} is not valid.`);
  }
}

function relatedFromResources(rng: Rng, item: OpsItem, arns: readonly string[], who: string, at: number): void {
  const have = new Set(item.relatedItems.map((r) => r.resourceUri));
  for (const arn of arns) {
    if (have.has(arn)) continue;
    have.add(arn);
    item.relatedItems.push({
      seq: item.relatedSeq++, associationId: uuidFrom(rng), resourceType: resourceTypeOfArn(arn), resourceUri: arn,
      associationType: RESOURCE_ASSOCIATION_TYPE, createdBy: who, createdTime: at, lastModifiedBy: who, lastModifiedTime: at,
    });
  }
}

/** Seeds related items from the OpsItem's `/aws/resources` (the generator uses it too). */
export function seedRelatedItems(rng: Rng, item: OpsItem): void {
  relatedFromResources(rng, item, resourceArnsOf(item), item.createdBy, item.createdTime);
}

function checkOpenLimit(store: FleetStore, settings: OpsCenterSettings, region: string): void {
  const open = regionFleet(store, region).opsItems.reduce((n, i) => n + (isOpen(i) ? 1 : 0), 0);
  if (open >= settings.openLimit) {
    throw new SimError('OpsItemLimitExceededException', `The request would exceed the quota of ${settings.openLimit} open OpsItems in ${region}. Resolve OpsItems and try again.`, {
      ResourceTypes: ['OpsItem'], Limit: settings.openLimit, LimitType: 'OpenOpsItemsPerRegion',
    });
  }
}

// ---------------------------------------------------------------- operations

export function findOpsItem(store: FleetStore, region: string, id: string): OpsItem | undefined {
  const item = store.opsItemsById.get(id);
  return item && item.region === region ? item : undefined;
}

export function getOpsItem(store: FleetStore, region: string, id: string, arn?: string): OpsItem {
  const item = findOpsItem(store, region, id);
  if (!item) throw notFound(id);
  // GetOpsItem has no OpsItemInvalidParameterException: an ARN of another OpsItem finds nothing.
  if (arn !== undefined && arn !== opsItemArn(item)) throw new SimError('OpsItemNotFoundException', `OpsItem with id ${id} and ARN ${arn} not found.`);
  return item;
}

/** CreateOpsItem: the new OpsItem (created: true), or the open duplicate it deduplicates to (created: false). */
export function createOpsItem(
  store: FleetStore, settings: OpsCenterSettings, region: string, now: number, caller: string, input: CreateOpsItemInput,
): { item: OpsItem; created: boolean } {
  if (input.AccountId !== undefined && input.AccountId !== store.accountId) {
    throw new SimError('OpsItemAccessDeniedException', `You don't have access to create OpsItems in account ${input.AccountId}: it is not set up for cross-account OpsCenter administration with ${store.accountId}.`);
  }
  const opsItemType = input.OpsItemType ?? '/aws/issue';
  if (!(OPS_ITEM_TYPES as readonly string[]).includes(opsItemType)) {
    throw invalid(['OpsItemType'], `OpsItemType must be one of ${OPS_ITEM_TYPES.join(', ')} (got "${opsItemType}").`);
  }
  checkSource(input.Source);
  checkFields(input, opsItemType);
  const operationalData = checkOperationalData(input.OperationalData ?? {});
  const fleet = regionFleetForWrite(store, region);
  const probe = { operationalData };
  const dedup = dedupStringOf(probe);
  if (dedup !== undefined) {
    const existing = fleet.opsItems.find((i) => isOpen(i) && dedupStringOf(i) === dedup);
    if (existing) {
      if (settings.dedup === 'already-exists') {
        throw new SimError('OpsItemAlreadyExistsException', `An OpsItem with the deduplication string ${JSON.stringify(dedup)} is already open: ${existing.id}.`, { OpsItemId: existing.id });
      }
      return { item: existing, created: false };
    }
  }
  checkOpenLimit(store, settings, region);
  let id = `oi-${store.opsRng.hex(12)}`;
  while (store.opsItemsById.has(id)) id = `oi-${store.opsRng.hex(12)}`;
  const item: OpsItem = {
    id, seq: store.nextOpsItemSeq++, region, account: store.accountId,
    title: input.Title, description: input.Description, source: input.Source,
    status: opsItemType === '/aws/changerequest' ? 'Pending' : 'Open',
    severity: input.Severity as OpsItemSeverity | undefined, priority: input.Priority, category: input.Category, opsItemType,
    createdBy: caller, lastModifiedBy: caller, createdTime: now, lastModifiedTime: now, version: '1',
    operationalData, notifications: (input.Notifications ?? []).map((n) => n.Arn as string),
    relatedOpsItems: (input.RelatedOpsItems ?? []).map((r) => r.OpsItemId as string), relatedItems: [], relatedSeq: 1,
    tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
    plannedStartTime: input.PlannedStartTime, plannedEndTime: input.PlannedEndTime, actualStartTime: input.ActualStartTime, actualEndTime: input.ActualEndTime,
  };
  seedRelatedItems(store.opsRng, item);
  fleet.opsItems.push(item);
  store.opsItemsById.set(id, item);
  return { item, created: true };
}

/** UpdateOpsItem: changes the given fields; the version goes up by one. */
export function updateOpsItem(
  store: FleetStore, settings: OpsCenterSettings, region: string, now: number, caller: string, input: UpdateOpsItemInput,
): OpsItem {
  const item = getOpsItem(store, region, input.OpsItemId, input.OpsItemArn);
  checkFields(input, item.opsItemType);
  let status = item.status;
  if (input.Status !== undefined) {
    const wanted = input.Status as OpsItemStatus;
    const issueStatus = ISSUE_STATUSES.includes(wanted);
    if (item.opsItemType !== '/aws/changerequest' && !issueStatus) {
      throw invalid(['Status'], `An OpsItem of type ${item.opsItemType} can only have the status Open, InProgress or Resolved (got ${wanted}).`);
    }
    if (item.opsItemType === '/aws/changerequest' && issueStatus) {
      throw invalid(['Status'], `The status of a change request (/aws/changerequest) can't be set to ${wanted}; Open, InProgress and Resolved are statuses of issues.`);
    }
    status = wanted;
  }
  const deletes = input.OperationalDataToDelete ?? [];
  const changes = checkOperationalData(input.OperationalData ?? {});
  const dedupBefore = item.operationalData['/aws/dedup']?.Value;
  if (deletes.includes('/aws/dedup') && dedupBefore !== undefined) {
    throw invalid(['OperationalDataToDelete'], "The deduplication string (/aws/dedup) of an OpsItem can't be changed or deleted after the OpsItem is created.");
  }
  if (changes['/aws/dedup'] && changes['/aws/dedup'].Value !== dedupBefore) {
    throw invalid(['OperationalData'], "The deduplication string (/aws/dedup) of an OpsItem can't be changed or deleted after the OpsItem is created.");
  }
  if (!isOpen(item) && OPEN_STATUSES.includes(status)) checkOpenLimit(store, settings, region);

  const operationalData = { ...item.operationalData };
  for (const key of deletes) delete operationalData[key];
  Object.assign(operationalData, changes);
  item.operationalData = operationalData;
  if (input.Title !== undefined) item.title = input.Title;
  if (input.Description !== undefined) item.description = input.Description;
  if (input.Severity !== undefined) item.severity = input.Severity as OpsItemSeverity;
  if (input.Priority !== undefined) item.priority = input.Priority;
  if (input.Category !== undefined) item.category = input.Category;
  if (input.Notifications !== undefined) item.notifications = input.Notifications.map((n) => n.Arn as string);
  if (input.RelatedOpsItems !== undefined) item.relatedOpsItems = input.RelatedOpsItems.map((r) => r.OpsItemId as string);
  if (input.PlannedStartTime !== undefined) item.plannedStartTime = input.PlannedStartTime;
  if (input.PlannedEndTime !== undefined) item.plannedEndTime = input.PlannedEndTime;
  if (input.ActualStartTime !== undefined) item.actualStartTime = input.ActualStartTime;
  if (input.ActualEndTime !== undefined) item.actualEndTime = input.ActualEndTime;
  item.status = status;
  // ARNs newly listed in /aws/resources become related items too (removing one keeps its association).
  if (changes['/aws/resources']) relatedFromResources(store.opsRng, item, resourceArnsOf(item), caller, now);
  item.version = String(Number(item.version) + 1);
  item.lastModifiedBy = caller;
  item.lastModifiedTime = now;
  return item;
}

export interface RelatedItemsQuery {
  opsItemId?: string;
  filters?: Array<{ Key: string; Values: string[]; Operator: string }>;
  maxResults?: number;
  nextToken?: string;
}

const RELATED_FILTER_FIELDS: Record<string, (r: OpsItemRelatedItem) => string> = {
  ResourceType: (r) => r.resourceType,
  AssociationId: (r) => r.associationId,
  ResourceUri: (r) => r.resourceUri,
};

/** ListOpsItemRelatedItems: the OpsItem's related items in the order they were added. */
export function listRelatedItems(store: FleetStore, region: string, query: RelatedItemsQuery): { item?: OpsItem; items: OpsItemRelatedItem[]; nextToken?: string } {
  if (query.opsItemId === undefined) throw invalid(['OpsItemId'], 'OpsItemId is required to list related items.');
  const filters = query.filters ?? [];
  const predicates = filters.map((f) => {
    const get = RELATED_FILTER_FIELDS[f.Key];
    if (!get || f.Operator !== 'Equal') throw invalid(['Filters'], `Filter ${f.Key} ${f.Operator} is not supported: keys ResourceType, AssociationId, ResourceUri with the operator Equal.`);
    return (r: OpsItemRelatedItem) => f.Values.includes(get(r));
  });
  const item = findOpsItem(store, region, query.opsItemId);
  const scope = `ListOpsItemRelatedItems/${region}/${query.opsItemId}/${hashToken(JSON.stringify(filters))}`;
  let after: number | undefined;
  if (query.nextToken !== undefined) {
    const cursor = decodeToken(store.tokenSecret, scope, query.nextToken);
    if (cursor === null) throw invalid(['NextToken'], 'The NextToken is not valid.');
    after = cursor;
  }
  if (!item) return { items: [] };
  const page = pageAfter(item.relatedItems, (r) => r.seq, after, query.maxResults ?? 50, (r) => predicates.every((p) => p(r)));
  return { item, items: page.items, nextToken: page.nextCursor === undefined ? undefined : encodeToken(store.tokenSecret, scope, page.nextCursor) };
}

export interface AssociateInput {
  OpsItemId: string;
  AssociationType: string;
  ResourceType: string;
  ResourceUri: string;
}

/** AssociateOpsItemRelatedItem: the new association. `/aws/resources` is left as it is. */
export function associateRelatedItem(store: FleetStore, region: string, now: number, caller: string, input: AssociateInput): OpsItemRelatedItem {
  const item = findOpsItem(store, region, input.OpsItemId);
  if (!item) throw notFound(input.OpsItemId);
  if (!ASSOCIATION_TYPES.includes(input.AssociationType)) {
    throw invalid(['AssociationType'], `AssociationType must be IsParentOf or RelatesTo (got "${input.AssociationType}").`);
  }
  if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(input.ResourceType)) {
    throw invalid(['ResourceType'], `ResourceType must be a resource type like AWS::SSMIncidents::IncidentRecord or AWS::SSM::Document (got "${input.ResourceType}").`);
  }
  if (!/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/.test(input.ResourceUri)) {
    throw invalid(['ResourceUri'], `ResourceUri must be the ARN of an AWS resource (got "${input.ResourceUri}").`);
  }
  if (item.relatedItems.some((r) => r.resourceUri === input.ResourceUri)) {
    throw new SimError('OpsItemRelatedItemAlreadyExistsException', `The resource ${input.ResourceUri} is already associated with OpsItem ${item.id}.`, {
      ResourceUri: input.ResourceUri, OpsItemId: item.id,
    });
  }
  const related: OpsItemRelatedItem = {
    seq: item.relatedSeq++, associationId: uuidFrom(store.opsRng), resourceType: input.ResourceType, resourceUri: input.ResourceUri,
    associationType: input.AssociationType, createdBy: caller, createdTime: now, lastModifiedBy: caller, lastModifiedTime: now,
  };
  item.relatedItems.push(related);
  return related;
}

/** DisassociateOpsItemRelatedItem: removes the association (`/aws/resources` is left as it is). */
export function disassociateRelatedItem(store: FleetStore, region: string, opsItemId: string, associationId: string): void {
  const item = findOpsItem(store, region, opsItemId);
  if (!item) throw notFound(opsItemId);
  const at = item.relatedItems.findIndex((r) => r.associationId === associationId);
  if (at < 0) {
    throw new SimError('OpsItemRelatedItemAssociationNotFoundException', `The association ${associationId} does not exist for OpsItem ${opsItemId}.`);
  }
  item.relatedItems.splice(at, 1);
}
