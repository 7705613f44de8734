import 'server-only';
import type { NodeRow } from '@/lib/contracts/node';
import { environmentOf, osVersionOf } from '@/lib/contracts/node-view';
import type { AgentVersionCount, OverviewSummary, Folded, OsCount, PatchEnvRow } from '@/lib/contracts/summary';
import type { RegionSnapshot } from './types';

/** Entries shown per chart before the rest is folded into "other". */
export const TOP_N = 12;

/** The `top` largest entries (ties by key), and what was folded. `keep` entries are never folded. */
export function topN<T>(entries: T[], count: (e: T) => number, top = TOP_N, keep: (e: T) => boolean = () => false) {
  const sorted = [...entries].sort((a, b) => count(b) - count(a));
  const kept = sorted.filter((e, i) => i < top || keep(e));
  const rest = sorted.filter((e) => !kept.includes(e));
  const other: Folded | null = rest.length ? { values: rest.length, count: rest.reduce((n, e) => n + count(e), 0) } : null;
  return { items: kept, other };
}

function countBy<K>(rows: NodeRow[], key: (r: NodeRow) => K): Map<K, NodeRow[]> {
  const m = new Map<K, NodeRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Managed nodes by platform name + version, most first. */
export function osCounts(managed: NodeRow[], top = TOP_N): OverviewSummary['byOs'] {
  const groups = countBy(managed.filter((r) => osVersionOf(r) !== null), (r) => osVersionOf(r) as string);
  const entries: OsCount[] = [...groups].map(([os, rows]) => ({
    os, platform: rows[0].platformName as string, version: rows[0].platformVersion, count: rows.length,
  }));
  const { items, other } = topN(entries, (e) => e.count, top);
  return { items, other, unknown: managed.length - entries.reduce((n, e) => n + e.count, 0) };
}

/** Dotted versions compared part by part as numbers (3.3.1142.0 > 3.3.987.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (Number(pa[i]) || 0) - (Number(pb[i]) || 0);
    if (d) return d;
  }
  return a.localeCompare(b);
}

/** Managed nodes by agent version: the most common (and always the latest) kept, shown newest first. */
export function agentVersionCounts(managed: NodeRow[], top = TOP_N): OverviewSummary['agentVersions'] {
  const withVersion = managed.filter((r) => r.agentVersion);
  const entries: AgentVersionCount[] = [...countBy(withVersion, (r) => r.agentVersion as string)].map(([version, rows]) => ({
    version,
    count: rows.length,
    latest: rows.some((r) => r.agentLatest === true) ? true : rows.some((r) => r.agentLatest === false) ? false : null,
  }));
  const { items, other } = topN(entries, (e) => e.count, top, (e) => e.latest === true);
  return { items: items.sort((a, b) => compareVersions(b.version, a.version)), other, unknown: managed.length - withVersion.length };
}

function patchRow(environment: string | null, rows: NodeRow[]): PatchEnvRow {
  const row: PatchEnvRow = { environment, managed: rows.length, critical: 0, security: 0, other: 0, noncompliant: 0, compliant: 0, notScanned: 0, unknown: 0 };
  for (const r of rows) {
    if ((r.patchCritical ?? 0) > 0) row.critical++;
    if ((r.patchSecurity ?? 0) > 0) row.security++;
    if ((r.patchOther ?? 0) > 0) row.other++;
    if (r.patchStatus === 'noncompliant') row.noncompliant++;
    else if (r.patchStatus === 'compliant') row.compliant++;
    else if (r.patchStatus === 'notScanned') row.notScanned++;
    else row.unknown++;
  }
  return row;
}

const PATCH_KEYS = ['managed', 'critical', 'security', 'other', 'noncompliant', 'compliant', 'notScanned', 'unknown'] as const;

/** Managed nodes per environment (Environment tag) by patch state: the environment x severity matrix. */
export function patchByEnvironment(managed: NodeRow[], top = TOP_N): OverviewSummary['patchByEnvironment'] {
  const rows = [...countBy(managed, environmentOf)].map(([env, list]) => patchRow(env, list));
  const { items } = topN(rows, (r) => r.managed, top);
  const folded = rows.filter((r) => !items.includes(r));
  if (!folded.length) return { rows: items, other: null };
  const other = { ...patchRow(null, []), values: folded.length };
  for (const r of folded) for (const k of PATCH_KEYS) other[k] += r[k];
  return { rows: items, other };
}

/** Open OpsItems that name a node (each counted once, whichever nodes it names), by severity, most severe first. */
export function openOpsBySeverity(regions: RegionSnapshot[]): OverviewSummary['openOpsBySeverity'] {
  const seen = new Map<string, string | null>();
  for (const r of regions) for (const list of r.opsItems.values()) for (const i of list) seen.set(i.id, i.severity);
  const counts = new Map<string | null, number>();
  for (const sev of seen.values()) counts.set(sev, (counts.get(sev) ?? 0) + 1);
  return [...counts].map(([severity, count]) => ({ severity, count })).sort((a, b) => (a.severity ?? '9').localeCompare(b.severity ?? '9'));
}
