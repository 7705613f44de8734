/**
 * Records every AWS call the simulated AWS answers: counts by service:Operation and by
 * region, and each call's start/end (monotonic ms) so a benchmark can compute the
 * longest chain of sequential calls.
 */
import { longestSequentialChain } from './longest-chain';

export interface CallRecord {
  /** service:Operation, e.g. ssm:DescribeInstanceInformation */
  op: string;
  region: string;
  start: number;
  end: number;
  status: number;
  /** The account the request was served for ('' if none: unsigned, or credentials refused). */
  account: string;
  /** The caller: an assumed-role ARN, or arn:aws:iam::<management>:user/demo for long-term keys ('' if none). */
  principal: string;
}

/** Who a call was made by (stats.begin). */
export interface CallIdentity {
  account: string;
  principal: string;
}

export interface StatsSnapshot {
  total: number;
  errors: number;
  byOperation: Record<string, number>;
  byRegion: Record<string, number>;
  /** Calls per served account ('' for calls served for no account). */
  byAccount: Record<string, number>;
  byStatus: Record<string, number>;
  /** Longest chain of calls each starting after the previous ended. */
  chain: number;
  /** Wall time from the first call's start to the last call's end (ms). */
  spanMs: number;
}

export interface Stats {
  readonly calls: readonly CallRecord[];
  /** The stats clock (monotonic ms). */
  now(): number;
  /**
   * Marks a call's start (now, or `start` if the call was received earlier); call the
   * returned function with the HTTP status when it has been answered.
   */
  begin(service: string, operation: string, region: string, start?: number, who?: CallIdentity): (status: number) => void;
  snapshot(): StatsSnapshot;
  reset(): void;
}

export function createStats(now: () => number = () => performance.now()): Stats {
  let calls: CallRecord[] = [];
  let byOperation = new Map<string, number>();
  let byRegion = new Map<string, number>();
  let byAccount = new Map<string, number>();
  let byStatus = new Map<number, number>();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    get calls() {
      return calls;
    },
    now,
    begin(service, operation, region, start = now(), who = { account: '', principal: '' }) {
      const op = `${service}:${operation}`;
      return (status) => {
        calls.push({ op, region, start, end: now(), status, account: who.account, principal: who.principal });
        bump(byOperation, op);
        bump(byRegion, region);
        bump(byAccount, who.account);
        bump(byStatus, status);
      };
    },
    snapshot() {
      const first = calls.reduce((m, c) => Math.min(m, c.start), Infinity);
      const last = calls.reduce((m, c) => Math.max(m, c.end), -Infinity);
      let errors = 0;
      for (const [status, n] of byStatus) if (status >= 400) errors += n;
      return {
        total: calls.length,
        errors,
        byOperation: Object.fromEntries(byOperation),
        byRegion: Object.fromEntries(byRegion),
        byAccount: Object.fromEntries(byAccount),
        byStatus: Object.fromEntries(byStatus),
        chain: longestSequentialChain(calls),
        spanMs: calls.length > 0 ? last - first : 0,
      };
    },
    reset() {
      calls = [];
      byOperation = new Map();
      byRegion = new Map();
      byAccount = new Map();
      byStatus = new Map();
    },
  };
}

export { longestSequentialChain, type Interval } from './longest-chain';
