import { nodesHref } from '@/lib/contracts/node-view';
import { CREATED_PRESETS, OPS_SEVERITIES as OPS_ITEM_SEVERITIES, opsItemsHref, type CreatedPreset, type OpsItemStatus } from '@/lib/contracts/ops-items';
import { OPS_HISTORY_DAYS, OPS_SEVERITIES, OPS_SEVERITY_LABEL } from '@/lib/contracts/summary';

/** The nodes that have open OpsItems (the secondary link of the OpsItem charts). */
export const OPEN_OPS_NODES_HREF = nodesHref({ ops: ['open'], sort: 'ops', dir: 'desc' });
/** The OpsItems list as it opens: open and in progress. */
export const OPEN_OPS_HREF = opsItemsHref();

/** Open OpsItems of one severity (no severity: every open one, as the list cannot filter on "not set"). */
export const openOpsHref = (severity: string | null) =>
  severity && (OPS_ITEM_SEVERITIES as readonly string[]).includes(severity) ? opsItemsHref({ severity: [severity as (typeof OPS_ITEM_SEVERITIES)[number]] }) : OPEN_OPS_HREF;

/** The created-window preset that matches the history charts, so the list counts what the chart counts. */
const HISTORY_PRESET = (Object.keys(CREATED_PRESETS) as CreatedPreset[]).find((k) => CREATED_PRESETS[k] === OPS_HISTORY_DAYS);

/** OpsItems of one status created within the history window. */
export const opsStatusHref = (status: string) => opsItemsHref({ status: [status as OpsItemStatus], created: HISTORY_PRESET });

/** OpsItems of every status created on one UTC day. */
export function opsDayHref(day: string): string {
  const start = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(start)) return opsItemsHref({ status: ['all'] });
  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  return opsItemsHref({ status: ['all'], createdAfter: iso(start), createdBefore: iso(start + 86_400_000) });
}

export const sevLabel = (s: string | null) => (s && OPS_SEVERITY_LABEL[s] ? `${s} · ${OPS_SEVERITY_LABEL[s]}` : s ? `Severity ${s}` : 'No severity');
/** The per-day chart's stack, most severe first. */
export const SEVERITY_KEYS = [...OPS_SEVERITIES, 'none'] as const;
