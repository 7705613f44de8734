/**
 * Where a gateway call goes: an AWS account and one of its regions. Every gateway function takes a scope, so the
 * clients, caches, errors, snapshots, runs and audit all carry the account with the region.
 *
 * `account` is the 12-digit account ID, or BASE_ACCOUNT ('') without an accounts file: the dashboard's own identity
 * (the default credential chain), whose account it does not need to know. That keeps single-account keys as they were.
 */
export interface AwsScope {
  account: string;
  region: string;
}

export const BASE_ACCOUNT = '';

/** A stable key for a scope: the region alone for the base identity, `account/region` otherwise. */
export function scopeKey(scope: AwsScope): string {
  return scope.account ? `${scope.account}/${scope.region}` : scope.region;
}

/** The inverse of scopeKey. */
export function parseScopeKey(key: string): AwsScope {
  const slash = key.indexOf('/');
  return slash < 0 ? { account: BASE_ACCOUNT, region: key } : { account: key.slice(0, slash), region: key.slice(slash + 1) };
}

export function sameScope(a: AwsScope, b: AwsScope): boolean {
  return a.account === b.account && a.region === b.region;
}

/** The base identity in a region (single-account mode, or a caller that has only a region). */
export const baseScope = (region: string): AwsScope => ({ account: BASE_ACCOUNT, region });

/** A scope that changes the fleet on behalf of a dashboard user, who is named in the assumed role's session. */
export interface ActingScope extends AwsScope {
  actor?: string;
}

/** The scope of anything that carries its account and region (a node row, a run's command, a region status). */
export const scopeOf = (x: { account: string; region: string }): AwsScope => ({ account: x.account, region: x.region });
