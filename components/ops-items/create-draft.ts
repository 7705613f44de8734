import { CreateOpsItemRequestSchema, OPS_LIMITS, type CreateFrom, type CreateOpsItemRequest } from '@/lib/contracts/ops-items';
import { issuesByPath } from './form-fields';
import type { DataRow } from './ops-data-editor';

/** Where the create form starts from: the list, a node, a failed run's triage group. */
export interface CreatePreset {
  dialogTitle: string;
  title?: string;
  description?: string;
  severity?: string;
  priority?: number;
  category?: string;
  /** Regions to choose from; `regionFixed`: the OpsItem goes to `region` (a node's), no choice. */
  regions: string[];
  region?: string;
  regionFixed?: boolean;
  /** The server picks the region from the source's nodes (one OpsItem per region): no region field. */
  regionFromSource?: boolean;
  from: CreateFrom;
  /** What the server relates and records from the source, in words (shown in the preview). */
  sourceNote?: React.ReactNode;
}

export interface CreateDraft {
  title: string;
  description: string;
  severity: string;
  priority: string;
  category: string;
  region: string;
  nodeIds: string;
  data: DataRow[];
}

export const initialDraft = (p: CreatePreset): CreateDraft => ({
  title: p.title ?? '',
  description: p.description ?? '',
  severity: p.severity ?? '',
  priority: p.priority ? String(p.priority) : '',
  category: p.category ?? '',
  region: p.region ?? (p.regions.length === 1 && !p.regionFromSource ? p.regions[0] : ''),
  nodeIds: '',
  data: [],
});

export const splitNodeIds = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];

/** The request the form would send; blank optional fields are left out. */
export function draftToRequest(d: CreateDraft, p: CreatePreset): CreateOpsItemRequest {
  const data = d.data.filter((r) => r.key.trim() || r.value.trim());
  return {
    title: d.title,
    description: d.description,
    ...(d.severity ? { severity: d.severity as CreateOpsItemRequest['severity'] } : {}),
    ...(d.priority ? { priority: Number(d.priority) } : {}),
    ...(d.category ? { category: d.category as CreateOpsItemRequest['category'] } : {}),
    ...(d.region && !p.regionFromSource ? { region: d.region } : {}),
    nodeIds: splitNodeIds(d.nodeIds),
    operationalData: data.map((r) => ({ key: r.key.trim(), value: r.value, searchable: r.searchable })),
    from: p.from,
  };
}

/** The same zod schema as the server, plus the one rule it checks against the source: a list OpsItem needs a region. */
export function draftErrors(req: CreateOpsItemRequest, p: CreatePreset): Record<string, string> {
  const r = CreateOpsItemRequestSchema.safeParse(req);
  const errors = r.success ? {} : issuesByPath(r.error.issues);
  // "nodeIds.3" -> one message on the field, naming the offending ID.
  for (const k of Object.keys(errors)) {
    const m = /^nodeIds\.(\d+)$/.exec(k);
    if (m) errors.nodeIds ??= `${req.nodeIds?.[Number(m[1])]}: ${errors[k]}`;
  }
  if ((req.nodeIds?.length ?? 0) > OPS_LIMITS.relatedNodes) errors.nodeIds ??= `at most ${OPS_LIMITS.relatedNodes} nodes per OpsItem`;
  if (p.from.kind === 'list' && !req.region && !req.nodeIds?.length) errors.region ??= 'choose the region the OpsItem belongs in (no node says where)';
  return errors;
}
