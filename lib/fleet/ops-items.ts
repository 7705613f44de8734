import 'server-only';
import type { OpsItemSummary } from '@aws-sdk/client-ssm';
import type { OpsItemRef } from '@/lib/contracts/node';
import { iso, str } from './map-node';

const NODE_IN_ARN = /:(?:instance|managed-instance)\/((?:i|mi)-[0-9a-zA-Z]+)$/;

/** Node IDs an OpsItem is about, from its `/aws/resources` operational data (ARNs of related resources). */
export function relatedNodeIds(item: OpsItemSummary): string[] {
  const raw = item.OperationalData?.['/aws/resources']?.Value;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const ids = new Set<string>();
    for (const r of parsed) {
      const arn = typeof r === 'object' && r && 'arn' in r ? String((r as { arn: unknown }).arn) : '';
      const m = NODE_IN_ARN.exec(arn);
      if (m) ids.add(m[1]);
    }
    return [...ids];
  } catch {
    return [];
  }
}

export function opsItemRef(item: OpsItemSummary): OpsItemRef {
  return {
    id: item.OpsItemId ?? '',
    title: item.Title ?? '',
    status: item.Status ?? 'Open',
    severity: str(item.Severity),
    priority: item.Priority ?? null,
    source: str(item.Source),
    category: str(item.Category),
    createdAt: iso(item.CreatedTime),
  };
}

/** Open OpsItems grouped by the nodes they name. */
export function opsItemsByNode(items: OpsItemSummary[]): Map<string, OpsItemRef[]> {
  const byNode = new Map<string, OpsItemRef[]>();
  for (const item of items) {
    const ref = opsItemRef(item);
    for (const id of relatedNodeIds(item)) {
      const list = byNode.get(id);
      if (list) list.push(ref);
      else byNode.set(id, [ref]);
    }
  }
  return byNode;
}
