import { nodesHref } from '@/lib/contracts/node-view';
import { OPS_SEVERITIES, OPS_SEVERITY_LABEL } from '@/lib/contracts/summary';

/** Until the OpsItems page exists, every OpsItem segment opens the nodes that have open OpsItems. */
export const OPEN_OPS_HREF = nodesHref({ ops: ['open'], sort: 'ops', dir: 'desc' });
export const sevLabel = (s: string | null) => (s && OPS_SEVERITY_LABEL[s] ? `${s} · ${OPS_SEVERITY_LABEL[s]}` : s ? `Severity ${s}` : 'No severity');
/** The per-day chart's stack, most severe first. */
export const SEVERITY_KEYS = [...OPS_SEVERITIES, 'none'] as const;
