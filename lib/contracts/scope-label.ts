/** A scope as a reader names it: the region alone for the dashboard's own account, "account-name region" otherwise. */
export function scopeLabel(s: { account: string; accountName?: string; region: string }): string {
  return s.account ? `${s.accountName || s.account} ${s.region}` : s.region;
}
