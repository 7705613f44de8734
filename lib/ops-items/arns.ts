import 'server-only';
import type { FleetSnapshot } from '@/lib/fleet/types';
import { DomainError } from '@/lib/errors';

/**
 * The account of a region's nodes, for their ARNs. Learnt from EC2 (the reservations' owner); the dashboard reads
 * one account, so any region that saw an instance tells it.
 */
export function accountOf(snap: FleetSnapshot, region: string): string {
  const own = snap.regions.find((r) => r.region === region)?.accountId;
  const any = own ?? snap.regions.find((r) => r.accountId)?.accountId;
  if (!any) throw new DomainError('unavailable', 'AccountUnknown', 'the account ID is not known yet (no EC2 instance was listed); nodes cannot be named by ARN');
  return any;
}

export function nodeArn(region: string, account: string, nodeId: string): string {
  return nodeId.startsWith('mi-') ? `arn:aws:ssm:${region}:${account}:managed-instance/${nodeId}` : `arn:aws:ec2:${region}:${account}:instance/${nodeId}`;
}
