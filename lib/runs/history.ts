import 'server-only';
import { fleetScopeKeys } from '@/lib/accounts/accounts';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';
import { listCommands, type Command, type CommandFilter } from '@/lib/aws/ssm/list-commands';
import { settle } from '@/lib/aws/settle';
import { runCommandUrl } from '@/lib/contracts/links';
import type { CommandsQuery, CommandsResponse } from '@/lib/contracts/commands';
import type { CommandHistoryItem } from '@/lib/contracts/run';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { RUN_TAG } from './send';
import { runsByCommandIds } from './store';

/** Commands read per region at most (50 a page): enough for days of a busy fleet; more is labelled as truncated. */
const MAX_PAGES = 20;
const DEFAULT_WINDOW_MS = 7 * 86_400_000;

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

function targetSummary(c: Command): string {
  if (c.InstanceIds?.length) return `${c.InstanceIds.length} node${c.InstanceIds.length === 1 ? '' : 's'}`;
  return (c.Targets ?? []).map((t) => `${t.Key}=${(t.Values ?? []).join('|')}`).join(' and ') || '—';
}

function item(c: Command, region: string, runs: Map<string, { runId: string; actor: string }>): CommandHistoryItem {
  const own = runs.get(c.CommandId ?? '');
  const tagged = RUN_TAG.exec(c.Comment ?? '')?.[1] ?? null;
  return {
    commandId: c.CommandId ?? '', region, document: c.DocumentName ?? '', documentVersion: c.DocumentVersion || null, comment: c.Comment || null,
    status: c.Status ?? 'Pending', statusDetails: c.StatusDetails ?? null, requestedAt: iso(c.RequestedDateTime), targetCount: c.TargetCount ?? 0,
    completedCount: c.CompletedCount ?? 0, errorCount: c.ErrorCount ?? 0, deliveryTimedOutCount: c.DeliveryTimedOutCount ?? 0, targetSummary: targetSummary(c),
    runId: own?.runId ?? tagged, actor: own?.actor ?? null, consoleUrl: runCommandUrl(region, c.CommandId ?? ''),
  };
}

/** The region of a node, from the fleet view (a node's commands are only in its region). */
async function regionOf(node: string): Promise<string | null> {
  const snap = await getFleetSnapshot();
  const row = snap.byId.get(node)?.row;
  return row ? scopeKey(row) : null;
}

/**
 * Every command in the window, from AWS (ListCommands: the console's and the CLI's too), joined with the dashboard's
 * own runs (who sent it, from the run and its audit record). Newest first.
 */
export async function commandHistory(q: CommandsQuery, now = Date.now()): Promise<CommandsResponse> {
  const to = q.to ?? new Date(now).toISOString();
  const from = q.from ?? new Date(Date.parse(to) - DEFAULT_WINDOW_MS).toISOString();
  // Without an end the window is open: "until now" is AWS's clock, not ours.
  const filters: CommandFilter[] = [{ key: 'InvokedAfter', value: from }, ...(q.to ? [{ key: 'InvokedBefore' as const, value: q.to }] : [])];
  if (q.document) filters.push({ key: 'DocumentName', value: q.document });
  if (q.status) filters.push({ key: 'Status', value: q.status });
  const nodeRegion = q.node ? await regionOf(q.node) : null;
  const regions = q.region ? [q.region] : nodeRegion ? [nodeRegion] : await fleetScopeKeys();
  const reads = await Promise.all(regions.map(async (r) => [r, await settle(listCommands(parseScopeKey(r), filters, { maxPages: MAX_PAGES, instanceId: q.node }))] as const));
  const errors: CommandsResponse['errors'] = [];
  const truncated: string[] = [];
  const found: { c: Command; region: string }[] = [];
  for (const [region, res] of reads) {
    if (!res.ok) errors.push({ region, code: res.error.code, message: res.error.message });
    else {
      if (res.value.more) truncated.push(region);
      for (const c of res.value.commands) found.push({ c, region });
    }
  }
  const runs = runsByCommandIds(found.map((f) => f.c.CommandId ?? ''));
  let commands = found.map((f) => item(f.c, f.region, runs));
  if (q.actor) commands = commands.filter((c) => c.actor === q.actor);
  commands.sort((a, b) => (b.requestedAt ?? '').localeCompare(a.requestedAt ?? ''));
  return { commands: commands.slice(0, q.limit), errors, truncated, from, to };
}
