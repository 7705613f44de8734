/** Formatting helpers shared by the simulated commands (all times in UTC, as EC2 nodes run). */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `Jun  1 11:58:02` (syslog). */
export function syslogStamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function conversion(d: Date, ms: number, c: string): string | undefined {
  switch (c) {
    case 'Y': return String(d.getUTCFullYear());
    case 'm': return p2(d.getUTCMonth() + 1);
    case 'd': return p2(d.getUTCDate());
    case 'e': return String(d.getUTCDate()).padStart(2);
    case 'H': return p2(d.getUTCHours());
    case 'I': return p2(((d.getUTCHours() + 11) % 12) + 1);
    case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'M': return p2(d.getUTCMinutes());
    case 'S': return p2(d.getUTCSeconds());
    case 's': return String(Math.floor(ms / 1000));
    case 'a': return DAYS[d.getUTCDay()];
    case 'b': return MONTHS[d.getUTCMonth()];
    case 'Z': return 'UTC';
    case 'z': return '+0000';
    case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0');
    case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
    case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
    case '%': return '%';
    default: return undefined;
  }
}

/** strftime for the conversions scripts use with `date +FORMAT` (a switch: this runs once per line of output). */
export function strftime(ms: number, format: string): string {
  const d = new Date(ms);
  return format.replace(/%([A-Za-z%])/g, (all, c: string) => conversion(d, ms, c) ?? all);
}

/** `date`'s default: `Sun Jun  1 12:00:03 UTC 2025`. */
export const dateDefault = (ms: number) => strftime(ms, '%a %b %e %H:%M:%S %Z %Y');

/** coreutils -h sizes: 1.5G, 24G, 452K (powers of 1024). */
export function human(bytes: number, suffixI = false): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(Math.round(v)) : v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v));
  return `${text}${units[u]}${suffixI && u > 0 ? 'i' : ''}`;
}

/** `2 weeks, 6 days` style spans for systemd, `23 days,  4:12` for uptime. */
export function systemdAgo(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  if (days >= 7) return `${Math.floor(days / 7)} week${days >= 14 ? 's' : ''} ${days % 7} day${days % 7 === 1 ? '' : 's'} ago`;
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'} ${Math.floor((ms % 86_400_000) / 3_600_000)}h ago`;
  return `${Math.floor(ms / 3_600_000)}h ${Math.floor((ms % 3_600_000) / 60_000)}min ago`;
}

/** `Mon 2025-05-12 08:14:22 UTC` (systemd timestamps). */
export const systemdStamp = (ms: number) => strftime(ms, '%a %F %T UTC');

/** Pads a table's columns to the widest cell (left aligned), as ps/df/PowerShell do. */
export function table(rows: string[][], rightAlign: readonly number[] = [], gap = 1): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 && !rightAlign.includes(c) ? cell : rightAlign.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' '.repeat(gap)).trimEnd());
}
