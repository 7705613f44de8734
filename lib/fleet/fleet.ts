import 'server-only';
import { gzipSync } from 'node:zlib';
import type { FleetResponse, NodeDetail } from '@/lib/contracts/node';
import type { FleetSummary, OverviewSummary } from '@/lib/contracts/summary';
import { applyView, type NodeView, type ViewContext } from '@/lib/contracts/node-view';
import { assemble, buildFleet } from './build-fleet';
import { loadSavedRegions, saveSnapshot } from './saved-snapshot';
import { accountLabel, knownAccounts } from '@/lib/accounts/accounts';
import { sameScope } from '@/lib/aws/scope';
import { createSwrCache, type SwrCache } from '@/lib/cache/swr-cache';
import { recordRefreshSafely } from '@/lib/history/record';
import { awsCallMeter, type AwsCall } from '@/lib/aws/clients';
import { lookupNode } from './lookup-node';
import { overviewSummary, summarize } from './summary';
import { regionStatus, type FleetSnapshot } from './types';

/** Seconds a fleet snapshot is served before a background refresh (FLEET_CACHE_TTL_SECONDS, default 30). */
const ttlMs = () => (Number(process.env.FLEET_CACHE_TTL_SECONDS) || 30) * 1000;
/** An unknown node ID is looked up again after this long (misses are kept for at most MAX_MISSES IDs). */
const MISS_TTL_MS = 30_000;
const MAX_MISSES = 10_000;

// On globalThis: Next.js may load this module once per route bundle, and there must be one cache per process.
const g = globalThis as unknown as {
  __fleetCache?: SwrCache<FleetSnapshot>;
  __fleetMisses?: Map<string, number>;
  __fleetLookups?: Map<string, Promise<NodeDetail | null>>;
};

function cache(): SwrCache<FleetSnapshot> {
  return (g.__fleetCache ??= createSwrCache({
    ttlMs,
    // Each successful build is recorded in the dashboard's history (a history failure is logged, never thrown).
    load: (previous) =>
      buildFleet(previous).then((snap) => {
        void saveSnapshot(snap);
        return recordRefreshSafely(snap, summaryOf);
      }),
    // After a restart: the regions as last saved, at once, marked restored, while the first refresh runs.
    initial: restoredSnapshot,
    onBackgroundError: (err) => console.error('[fleet] background refresh failed:', err),
    // One fleet for every viewer: a refresh is never a caller's to pay for (forced ones are coalesced instead).
    forEveryone: true,
  }));
}

/** The cache itself, for local changes (see ops-items-overlay.ts). */
export const getFleetSnapshotCache = (): SwrCache<FleetSnapshot> => cache();

export function getFleetSnapshot(opts: { refresh?: boolean } = {}): Promise<FleetSnapshot> {
  return cache().get(opts);
}

/**
 * The fleet as it stands in AWS for planning an action: never the copy saved before a restart. While regions are
 * restored this waits for the refresh under way; a region it cannot read comes back failed (not ok), which the
 * planners treat as down.
 */
export async function getLiveFleetSnapshot(): Promise<FleetSnapshot> {
  const snap = await getFleetSnapshot();
  return snap.regions.some((r) => r.restored && r.ok) ? getFleetSnapshot({ refresh: true }) : snap;
}

/** The saved regions, and every configured region without a copy as not read yet. Nothing saved: undefined. */
function restoredSnapshot(): FleetSnapshot | undefined {
  const known = knownAccounts();
  if (!known) return undefined;
  const saved = loadSavedRegions(known.scopes);
  if (!saved.length) return undefined;
  // As old as its oldest saved region: "Updated 5m ago", not "just now".
  const readAt = saved.map((r) => r.fetchedAt).filter((t): t is string => !!t).sort()[0];
  const snap = assemble(
    known.scopes.map(
      (scope) =>
        saved.find((r) => sameScope(r, scope)) ?? {
          ...scope, accountName: accountLabel(known.accounts, scope.account), ok: false, nodes: [], extras: new Map(), opsItems: new Map(), fetchedAt: null, durationMs: null, restored: true,
          errors: [{ source: 'ssm:DescribeInstanceInformation', code: 'NotReadYet', message: 'Not read yet since the dashboard started: reading it now.' }],
        },
    ),
    known.accounts,
  );
  return readAt ? { ...snap, generatedAt: readAt } : snap;
}

/** Tests: forget the cached fleet; `restart`: as a restarted process would, read the saved copy first. */
export function resetFleetCache(opts: { restart?: boolean } = {}): void {
  cache().clear(opts);
  g.__fleetMisses?.clear();
}

export function fleetResponse(snap: FleetSnapshot, view?: NodeView, ctx: ViewContext = {}): FleetResponse {
  const nodes = view ? applyView(snap.nodes, view, Date.parse(snap.generatedAt), ctx) : snap.nodes;
  return {
    nodes,
    total: snap.nodes.length,
    regions: snap.regions.map(regionStatus),
    generatedAt: snap.generatedAt,
    version: snap.version,
  };
}

const bodies = new WeakMap<FleetSnapshot, { json: string; gzip?: Uint8Array<ArrayBuffer> }>();

function body(snap: FleetSnapshot) {
  let b = bodies.get(snap);
  if (!b) bodies.set(snap, (b = { json: JSON.stringify(fleetResponse(snap)) }));
  return b;
}

/** The unfiltered fleet as JSON, serialized once per snapshot: the hot path of every viewer's refresh. */
export function fleetJson(snap: FleetSnapshot): string {
  return body(snap).json;
}

/** The same, gzipped once per snapshot. */
export function fleetGzip(snap: FleetSnapshot): Uint8Array<ArrayBuffer> {
  const b = body(snap);
  return (b.gzip ??= new Uint8Array(gzipSync(b.json, { level: 6 })));
}

const summaries = new WeakMap<FleetSnapshot, FleetSummary>();
/** The overview's figures, once per snapshot: the overview and the history's point share them. */
function summaryOf(snap: FleetSnapshot): FleetSummary {
  let s = summaries.get(snap);
  if (!s) summaries.set(snap, (s = summarize(snap, Date.parse(snap.generatedAt))));
  return s;
}

const overviews = new WeakMap<FleetSnapshot, OverviewSummary>();
/** The overview page's summary (figures and charts), once per snapshot; one still waiting for its reads is not kept. */
export async function getFleetSummary(opts: { refresh?: boolean } = {}): Promise<OverviewSummary> {
  const snap = await getFleetSnapshot(opts);
  const hit = overviews.get(snap);
  if (hit) return hit;
  const s = await overviewSummary(snap, summaryOf(snap), opts);
  if (!s.pending) overviews.set(snap, s);
  return s;
}

/** One node: from the cached fleet, else looked up live (a node registered since the last refresh). */
export async function getNodeDetail(id: string): Promise<NodeDetail | null> {
  const snap = await getFleetSnapshot();
  const hit = snap.byId.get(id);
  if (hit) {
    return {
      node: hit.row,
      ssm: hit.region.extras.get(id) ?? null,
      opsItems: hit.region.opsItems.get(id) ?? [],
      fetchedAt: hit.region.fetchedAt,
      regionStatus: regionStatus(hit.region),
    };
  }
  const misses = (g.__fleetMisses ??= new Map());
  const missedAt = misses.get(id);
  if (missedAt !== undefined && Date.now() - missedAt < MISS_TTL_MS) return null;
  const lookups = (g.__fleetLookups ??= new Map());
  let p = lookups.get(id);
  if (!p) {
    p = lookupOnce(id).finally(() => lookups.delete(id));
    lookups.set(id, p);
  }
  return p;
}

/**
 * A live lookup (2 calls per region for an EC2 ID, more when found), shared by every concurrent request for the same ID.
 * A miss is remembered for MISS_TTL_MS (the least recently missed IDs are forgotten first, past MAX_MISSES) unless a
 * call of the lookup was refused by the caller's AWS-call budget: then the lookup fails instead of answering "no such
 * node".
 */
async function lookupOnce(id: string): Promise<NodeDetail | null> {
  const outer = awsCallMeter.getStore();
  let refused: unknown;
  const meter = {
    charge: (call: AwsCall) => {
      try {
        outer?.charge(call);
      } catch (err) {
        refused ??= err;
        throw err;
      }
    },
  };
  const live = await awsCallMeter.run(meter, () => lookupNode(id));
  if (refused) throw refused;
  if (!live) {
    const misses = (g.__fleetMisses ??= new Map());
    misses.delete(id);
    misses.set(id, Date.now());
    while (misses.size > MAX_MISSES) misses.delete(misses.keys().next().value as string);
  }
  return live;
}
