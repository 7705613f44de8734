import { CREATED_PRESETS, severityLabel, statusLabel, viewStatuses, type OpsItemsView } from '@/lib/contracts/ops-items';

export interface Chip {
  key: string;
  label: string;
  remove: Partial<OpsItemsView>;
}

/** A midnight-UTC time reads as its date (the overview's per-day links). */
const day = (v: string) => v.replace(/T00:00(:00)?(\.0+)?Z$/, '');

const LIST_NAMES = { severity: 'Severity', priority: 'Priority', category: 'Category', source: 'Source', type: 'Type', region: 'Region' } as const;

/** One removable chip per active filter; the default status (open and in progress) is not a filter one removes. */
export function activeChips(view: OpsItemsView): Chip[] {
  const chips: Chip[] = [];
  if (view.status.includes('all')) chips.push({ key: 'status:all', label: 'Status: any', remove: { status: [] } });
  else for (const s of view.status) chips.push({ key: `status:${s}`, label: `Status: ${statusLabel(s)}`, remove: { status: view.status.filter((x) => x !== s) } });
  for (const k of Object.keys(LIST_NAMES) as (keyof typeof LIST_NAMES)[]) {
    for (const v of view[k]) {
      const label = k === 'severity' ? `${v} ${severityLabel(v)}` : v;
      chips.push({ key: `${k}:${v}`, label: `${LIST_NAMES[k]}: ${label}`, remove: { [k]: view[k].filter((x) => x !== v) } });
    }
  }
  if (view.created) chips.push({ key: 'created', label: `Created: last ${CREATED_PRESETS[view.created] === 1 ? '24 hours' : `${CREATED_PRESETS[view.created]} days`}`, remove: { created: undefined } });
  if (view.createdAfter) chips.push({ key: 'createdAfter', label: `Created after ${day(view.createdAfter)}`, remove: { createdAfter: undefined } });
  if (view.createdBefore) chips.push({ key: 'createdBefore', label: `Created before ${day(view.createdBefore)}`, remove: { createdBefore: undefined } });
  if (view.node) chips.push({ key: 'node', label: `Node: ${view.node}`, remove: { node: undefined } });
  if (view.title) chips.push({ key: 'title', label: `Title contains “${view.title}”`, remove: { title: undefined } });
  return chips;
}

export const CLEARED: Partial<OpsItemsView> = {
  status: [], severity: [], priority: [], category: [], source: [], type: [], region: [], created: undefined, createdAfter: undefined, createdBefore: undefined, node: undefined, title: undefined,
};

/** "open and in progress", "every status", "resolved" — for the count line. */
export function statusPhrase(view: OpsItemsView): string {
  const s = viewStatuses(view);
  if (!s) return 'every status';
  if (!view.status.length) return 'open and in progress';
  const words = s.map((x) => statusLabel(x).toLowerCase());
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words[0];
}
