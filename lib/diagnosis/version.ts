/** Dotted numeric versions (SSM Agent: 3.2.582.0): a >= b. Non-numeric parts count as 0. */
export function versionAtLeast(a: string, b: string): boolean {
  const x = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const y = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
