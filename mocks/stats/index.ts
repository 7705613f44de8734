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
}

export interface StatsSnapshot {
  total: number;
  errors: number;
  byOperation: Record<string, number>;
  byRegion: Record<string, number>;
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
  begin(service: string, operation: string, region: string, start?: number): (status: number) => void;
  snapshot(): StatsSnapshot;
  reset(): void;
}

export function createStats(now: () => number = () => performance.now()): Stats {
  let calls: CallRecord[] = [];
  let byOperation = new Map<string, number>();
  let byRegion = new Map<string, number>();
  let byStatus = new Map<number, number>();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    get calls() {
      return calls;
    },
    now,
    begin(service, operation, region, start = now()) {
      const op = `${service}:${operation}`;
      return (status) => {
        calls.push({ op, region, start, end: now(), status });
        bump(byOperation, op);
        bump(byRegion, region);
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
        byStatus: Object.fromEntries(byStatus),
        chain: longestSequentialChain(calls),
        spanMs: calls.length > 0 ? last - first : 0,
      };
    },
    reset() {
      calls = [];
      byOperation = new Map();
      byRegion = new Map();
      byStatus = new Map();
    },
  };
}

export { longestSequentialChain, type Interval } from './longest-chain';
