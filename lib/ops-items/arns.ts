import 'server-only';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { DomainError } from '@/lib/errors';
import { parseScopeKey, scopeKey } from '@/lib/aws/scope';

/**
 * The account of a scope's nodes, for their ARNs (`region` is a scope key). An account of the accounts file is its own
 * ID; the dashboard's own account is learnt from EC2 (the reservations' owner), from any region that saw an instance.
 */
export function accountOf(snap: FleetSnapshot, region: string): string {
  const scope = parseScopeKey(region);
  if (scope.account) return scope.account;
  const own = snap.regions.find((r) => scopeKey(r) === region)?.accountId;
  const any = own ?? snap.regions.find((r) => !r.account && r.accountId)?.accountId;
  if (!any) throw new DomainError('unavailable', 'AccountUnknown', 'the account ID is not known yet (no EC2 instance was listed); nodes cannot be named by ARN');
  return any;
}

export function nodeArn(key: string, account: string, nodeId: string): string {
  const { region } = parseScopeKey(key);
  return nodeId.startsWith('mi-') ? `arn:aws:ssm:${region}:${account}:managed-instance/${nodeId}` : `arn:aws:ec2:${region}:${account}:instance/${nodeId}`;
}
