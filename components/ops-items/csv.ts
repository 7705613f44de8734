import type { OpsItemRow } from '@/lib/contracts/ops-items';
import { severityLabel, statusLabel } from '@/lib/contracts/ops-items';
import { toCsv } from '@/lib/contracts/csv';

const HEADER = ['ID', 'Title', 'Status', 'Severity', 'Priority', 'Category', 'Source', 'Type', 'Region', 'Related nodes', 'Created', 'Created by', 'Modified', 'Modified by'];

/** The OpsItems shown, in the order shown, as CSV (related nodes space-separated in one cell). */
export function opsItemsCsv(rows: OpsItemRow[]): string {
  return toCsv(
    HEADER,
    rows.map((r) => [
      r.id, r.title, statusLabel(r.status), r.severity ? `${r.severity} ${severityLabel(r.severity)}` : '', r.priority, r.category, r.source, r.type, r.region,
      r.nodeIds.join(' '), r.createdAt, r.createdBy, r.modifiedAt, r.modifiedBy,
    ]),
  );
}
