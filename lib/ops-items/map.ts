import 'server-only';
import type { OpsItemDataValue, OpsItemSummary } from '@aws-sdk/client-ssm';
import type { OpsItem } from '@/lib/aws/ssm/get-ops-item';
import { DEFAULT_OPS_ITEM_TYPE, type OpsItemRow } from '@/lib/contracts/ops-items';

/** AWS's documented keys: related resources, and the deduplication string. */
export const RESOURCES_KEY = '/aws/resources';
export const DEDUP_KEY = '/aws/dedup';

const NODE_IN_ARN = /:(?:instance|managed-instance)\/((?:i|mi)-[0-9a-zA-Z]+)$/;

/** The node an ARN names (EC2 instance or hybrid managed instance), else null. */
export function nodeIdOfArn(arn: string): string | null {
  return NODE_IN_ARN.exec(arn)?.[1] ?? null;
}

/** ARNs of the `/aws/resources` data: a JSON array of `{ "arn": ... }`. Malformed data names nothing. */
export function resourceArns(data: Record<string, OpsItemDataValue> | undefined): string[] {
  const raw = data?.[RESOURCES_KEY]?.Value;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((r) => (typeof r === 'object' && r && typeof (r as { arn?: unknown }).arn === 'string' ? [(r as { arn: string }).arn] : []));
  } catch {
    return [];
  }
}

export const resourcesValue = (arns: string[]): OpsItemDataValue => ({ Value: JSON.stringify(arns.map((arn) => ({ arn }))), Type: 'SearchableString' });

const iso = (d: Date | undefined) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : null);

/** A list row from a DescribeOpsItems summary or a GetOpsItem answer. */
export function toRow(region: string, i: OpsItemSummary | OpsItem): OpsItemRow {
  const nodeIds = [...new Set(resourceArns(i.OperationalData).map(nodeIdOfArn).filter((x): x is string => x !== null))];
  return {
    id: i.OpsItemId ?? '',
    region,
    title: i.Title ?? '',
    status: i.Status ?? 'Open',
    severity: i.Severity || null,
    priority: i.Priority ?? null,
    category: i.Category || null,
    source: i.Source ?? '',
    type: i.OpsItemType || DEFAULT_OPS_ITEM_TYPE,
    createdAt: iso(i.CreatedTime),
    createdBy: i.CreatedBy ?? null,
    modifiedAt: iso(i.LastModifiedTime),
    modifiedBy: i.LastModifiedBy ?? null,
    nodeIds,
  };
}
