/**
 * Where a gateway call goes. New gateway functions take a scope rather than a bare region string, so that adding the
 * account (multi-account: `{ account, region }`) changes the type, not every signature.
 */
export interface AwsScope {
  region: string;
}

/** A stable cache-key prefix for a scope (the account joins it when scopes carry one). */
export function scopeKey(scope: AwsScope): string {
  return scope.region;
}
