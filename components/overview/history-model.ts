import type { HistoryResponse } from '@/lib/contracts/history';

/** One history point as the trend charts plot it: shares in percent, so a growing fleet does not look like a trend. */
export interface TrendPoint {
  t: number;
  /** Compliant and noncompliant, of the nodes with a patch scan. */
  compliantPct: number;
  noncompliantPct: number;
  /** Online, connection lost and inactive, of the managed nodes. */
  onlinePct: number;
  lostPct: number;
  inactivePct: number;
  outdated: number;
  partial: boolean;
  simulated: boolean;
}

/** Compliance is a stacked share, connectivity lines on a 0-100 % scale, outdated agents a count. */
export type TrendKind = 'stacked' | 'lines' | 'count';

export type Series = { key: 'compliantPct' | 'noncompliantPct' | 'onlinePct' | 'lostPct' | 'inactivePct' | 'outdated'; label: string; color: string };

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

export function toTrend(h: HistoryResponse): TrendPoint[] {
  return h.points.map((p) => {
    const scanned = p.compliant + p.noncompliant;
    return {
      t: Date.parse(p.at),
      compliantPct: pct(p.compliant, scanned),
      noncompliantPct: pct(p.noncompliant, scanned),
      onlinePct: pct(p.online, p.managed),
      lostPct: pct(p.connectionLost, p.managed),
      inactivePct: pct(p.inactive, p.managed),
      outdated: p.agentOutdated,
      partial: p.partial,
      simulated: p.simulated,
    };
  });
}
