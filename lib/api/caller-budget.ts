import 'server-only';
import { awsCallMeter, type AwsCall, type AwsCallMeter } from '@/lib/aws/clients';
import { loadContext, onBehalfOf, type Requester } from '@/lib/cache/swr-cache';
import { resolveActor } from '@/lib/actions/identity';
import { actionSettings } from '@/lib/actions/settings';
import { ApiError, errorResponse } from './errors';

/**
 * At most N AWS calls per caller per minute (AWS_CALLS_PER_CALLER_PER_MINUTE, default 300; 0 turns the limit off), so
 * that no caller, anonymous or not, can multiply the dashboard's AWS calls. The route wrapper runs every handler in
 * `withCallerBudget`, which counts the calls made for the request (an SDK middleware in lib/aws/clients.ts reports each
 * one) and answers 429 with Retry-After once the caller's minute is spent.
 *
 * What counts: each call the request makes itself, and each cache load it causes (an empty value, a forced refresh),
 * as one call when it starts: the calls inside a load are bounded by the cache (one load at a time per key, forced
 * at most once per FORCED_REFRESH_MIN_SECONDS, keys capped), and a load, once started, runs to its end, so a shared
 * value is never left half-read. Caches of the whole dashboard's data, such as the fleet snapshot (`forEveryone`),
 * are not charged at all. What is refused once the minute is spent: a read call, or the start of a load. Never
 * refused: calls that change the fleet, and reads after them in the same request (an action under way is never cut
 * short). Never counted: background refreshes and work that outlives the request (the dashboard's own).
 *
 * Who the caller is: the signed-in user (from the authenticating proxy's header). Anonymous callers are told apart by
 * their address only when the dashboard sits behind a trusted proxy (TRUST_FORWARDED_HEADERS=true): the proxy's entry
 * in X-Forwarded-For. Otherwise a client can write any address there (Next.js only fills the header when it is absent),
 * and route handlers are not told the socket's address, so every anonymous caller shares one budget: a flood from one
 * of them can hold up the others' live reads for the rest of the minute, but never the cached views or the dashboard's
 * own refreshes, and never the AWS account.
 */

const DEFAULT_PER_MINUTE = 300;
const WINDOW_MS = 60_000;
const MAX_CALLERS = 10_000;

export function callsPerMinute(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.AWS_CALLS_PER_CALLER_PER_MINUTE?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : DEFAULT_PER_MINUTE;
}

/** Refusal of an AWS call (or of a load) because the caller spent its budget for this minute. */
export class AwsCallsRefused extends ApiError {
  constructor(
    readonly caller: string,
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      429,
      'TooManyAwsCalls',
      `${describeCaller(caller)} made ${limit} AWS calls in the last minute, the most allowed per caller (AWS_CALLS_PER_CALLER_PER_MINUTE); try again in ${retryAfterSeconds} s.`,
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
}

function describeCaller(key: string): string {
  if (key === 'anonymous') return 'Anonymous callers (who share one budget: no trusted proxy names their addresses)';
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return kind === 'user' ? `User ${id}` : `Anonymous caller ${id}`;
}

/** The caller's budget key: `user:<id>`, `addr:<client address>` behind a trusted proxy, or `anonymous`. */
export function callerKey(req: Request): string {
  let actor: { id: string; source: string } | undefined;
  try {
    actor = resolveActor(req.headers);
  } catch {
    actor = undefined; // a configuration problem is the handler's to report
  }
  if (actor && actor.source !== 'anonymous') return `user:${actor.id}`;
  if (actionSettings().trustForwardedHeaders) {
    const addr = req.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (addr) return `addr:${addr.slice(0, 64)}`;
  }
  return 'anonymous';
}

type Window = { start: number; count: number };
const g = globalThis as unknown as { __callerBudgets?: Map<string, Window> };
const windows = () => (g.__callerBudgets ??= new Map());

/** Tests: forget every caller's count. */
export function resetCallerBudgets(): void {
  windows().clear();
}

/** Count one call against `key`'s minute; when `refusable` and the minute is spent, throw instead. */
function take(key: string, limit: number, refusable: boolean, now = Date.now()): void {
  const all = windows();
  let w = all.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    if (w) all.delete(key);
    w = { start: now, count: 0 };
    if (all.size >= MAX_CALLERS) {
      for (const [k, old] of all) if (now - old.start >= WINDOW_MS) all.delete(k);
      if (all.size >= MAX_CALLERS) all.delete(all.keys().next().value as string);
    }
    all.set(key, w);
  }
  if (refusable && w.count >= limit) throw new AwsCallsRefused(key, limit, Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)));
  w.count++;
}

class RequestMeter implements AwsCallMeter, Requester {
  refused: AwsCallsRefused | null = null;
  mutated = false;
  open = true;
  constructor(
    readonly key: string,
    readonly limit: number,
  ) {}

  charge(call: AwsCall): void {
    // Inside a cache load: paid for when it was admitted (a requested load), or the dashboard's own (background).
    if (loadContext() !== 'none') return;
    if (!this.open) return; // work the request left behind
    if (call.mutation) this.mutated = true;
    this.take(!call.mutation && !this.mutated);
  }

  admitLoad(): void {
    if (this.open) this.take(!this.mutated);
  }

  private take(refusable: boolean): void {
    try {
      take(this.key, this.limit, refusable);
    } catch (err) {
      if (err instanceof AwsCallsRefused) this.refused ??= err;
      throw err;
    }
  }
}

function tooMany(err: AwsCallsRefused): Response {
  return errorResponse(err.status, err.code, err.message, err.headers);
}

/**
 * Run a route handler within its caller's AWS-call budget (lib/api/route.ts calls this around every handler). A
 * request that had a call or load refused answers 429 with Retry-After, whatever the handler made of the refusal,
 * unless it had already changed the fleet (then the handler's answer says what happened).
 */
export async function withCallerBudget(req: Request, fn: () => Promise<Response>): Promise<Response> {
  const meter = new RequestMeter(callerKey(req), callsPerMinute());
  const limited = meter.limit > 0;
  try {
    const res = await awsCallMeter.run(limited ? meter : { charge: () => undefined }, () => onBehalfOf(limited ? meter : { admitLoad: () => undefined }, fn));
    return meter.refused && !meter.mutated ? tooMany(meter.refused) : res;
  } catch (err) {
    if (err instanceof AwsCallsRefused) return tooMany(err); // e.g. a lookup shared with another caller's request
    if (meter.refused && !meter.mutated) return tooMany(meter.refused);
    throw err;
  } finally {
    meter.open = false;
  }
}
