/** Display helpers, client-safe. */

const nf = new Intl.NumberFormat('en-US');
export const formatNumber = (n: number) => nf.format(n);

/** Compact age: "now", "42s", "5m", "3h", "12d" (+ " ago" with `suffix`). */
export function formatAge(iso: string | null, now: number, suffix = true): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const s = Math.max(0, Math.round((now - t) / 1000));
  let v: string;
  if (s < 5) return 'just now';
  if (s < 60) v = `${s}s`;
  else if (s < 3600) v = `${Math.floor(s / 60)}m`;
  else if (s < 86_400) v = `${Math.floor(s / 3600)}h`;
  else v = `${Math.floor(s / 86_400)}d`;
  return suffix ? `${v} ago` : v;
}

const dtf = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short',
});
export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '—' : dtf.format(t);
}

export function percent(part: number, whole: number): string {
  if (!whole) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}

/** Time until a future moment: "in 3h", "in 2d" ("due" once passed). */
export function formatUntil(iso: string | null, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  if (t <= now) return 'due';
  if (t - now < 5_000) return 'in a moment';
  return `in ${formatAge(new Date(now).toISOString(), t, false)}`;
}

/** "42 s", "2 min 14 s", "1 h 5 min" between two moments. */
export function duration(from: string, to: string | number): string {
  const s = Math.max(0, Math.round(((typeof to === 'number' ? to : Date.parse(to)) - Date.parse(from)) / 1000));
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
