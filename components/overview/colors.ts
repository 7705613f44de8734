import type { PingStatus } from '@/lib/contracts/node';
import type { AmiAgeKey } from '@/lib/contracts/summary';

/** Chart colours (Tailwind's palette), one meaning each across the overview. */
export const C = {
  good: '#10b981', // emerald-500
  warn: '#f59e0b', // amber-500
  bad: '#ef4444', // red-500
  severe: '#b91c1c', // red-700
  info: '#0ea5e9', // sky-500
  neutral: '#94a3b8', // slate-400
  faint: 'var(--chart-faint)', // slate-300, dark in the dark scheme (globals.css)
  violet: '#8b5cf6', // violet-500
  slate: '#64748b', // slate-500
  orange: '#f97316', // orange-500
} as const;

export const PING_COLOR: Record<PingStatus, string> = {
  Online: C.good, ConnectionLost: C.warn, Inactive: C.neutral, NotManaged: C.violet, NotRunning: C.faint, Unknown: C.slate,
};

export const PING_TEXT: Record<PingStatus, { label: string; hint: string }> = {
  Online: { label: 'Online', hint: 'agent answering' },
  ConnectionLost: { label: 'Connection lost', hint: 'agent stopped answering' },
  Inactive: { label: 'Inactive', hint: 'deregistered or long silent' },
  NotManaged: { label: 'EC2 not in SSM', hint: 'running, never registered' },
  NotRunning: { label: 'EC2 not running', hint: 'stopped or terminated' },
  Unknown: { label: 'SSM unknown', hint: 'EC2 answered, SSM did not' },
};

export const SEVERITY_COLOR: Record<string, string> = { '1': C.severe, '2': C.orange, '3': C.warn, '4': C.info, none: C.neutral };

export const AGE_COLOR: Record<AmiAgeKey, string> = {
  d30: C.good, d90: '#84cc16', d180: C.warn, d365: C.orange, old: C.bad, unknown: C.faint,
};

const STATUS_COLOR: Record<string, string> = { Open: C.bad, InProgress: C.warn, Resolved: C.good, Closed: C.good, Pending: C.info };
export const statusColor = (status: string) => STATUS_COLOR[status] ?? C.neutral;
