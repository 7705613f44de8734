/** A node's SSM side: its registration (ping, agent, association) and its last patch scan. */
import { AGENT_VERSIONS, platformSpec } from './catalog';
import { DAY, HOUR, MINUTE } from './clock';
import type { GenContext } from './generate-node';
import { baselineFor, type RegionInfra } from './infra';
import { weightedPicker } from './prng';
import type { AssociationStatus, PatchScan, PingStatus, SimNode, SsmRecord } from './types';

const pickAgent = weightedPicker(AGENT_VERSIONS);
const pickAssociation = weightedPicker<AssociationStatus>([['Success', 90], ['Failed', 6], ['Pending', 4]]);

export function ssmRecord(ctx: GenContext, pingStatus: PingStatus, computerName: string, ipAddress: string): SsmRecord {
  const { rng, now } = ctx;
  const pingJitterMs = rng.int(5 * MINUTE);
  const lastPingTime = pingStatus === 'Online' ? undefined
    : now - (pingStatus === 'ConnectionLost' ? rng.range(1, 6 * 24) * HOUR : rng.range(14, 60) * DAY);
  const associationStatus = pickAssociation(rng);
  const lastAssociationTime = (lastPingTime ?? now) - rng.range(0.1, 12) * HOUR;
  return {
    pingStatus,
    lastPingTime,
    pingJitterMs,
    agentVersion: pickAgent(rng),
    computerName,
    ipAddress,
    associationStatus,
    lastAssociationTime,
    lastSuccessfulAssociationTime: associationStatus === 'Success' ? lastAssociationTime : lastAssociationTime - rng.range(1, 10) * DAY,
    registrationDate: undefined,
    activationId: undefined,
    iamRole: undefined,
    activationName: undefined,
  };
}

export function patchScan(ctx: GenContext, infra: RegionInfra, node: SimNode, patchGroup: string): PatchScan | undefined {
  const { rng } = ctx;
  if (rng.chance(0.03)) return undefined; // never scanned
  const env = node.environment;
  const family = platformSpec(node.platform).family;
  const lastSeen = node.ssm?.lastPingTime ?? ctx.now;
  const roll = rng.next();
  const ageDays = roll < 0.75 ? rng.range(0.05, 3) : roll < 0.9 ? rng.range(3, 7) : rng.range(7, 30);
  const endTime = lastSeen - ageDays * DAY;
  const startTime = endTime - (family === 'windows' ? rng.range(6, 40) : rng.range(1, 8)) * MINUTE;
  const compliant = rng.chance(env === 'prod' ? 0.85 : env === 'staging' ? 0.7 : 0.5);
  const profile = {
    missing: compliant ? 0 : 1 + rng.int(env === 'prod' ? 3 : env === 'staging' ? 5 : 9),
    pendingReboot: rng.chance(0.06) ? 1 + rng.int(3) : 0,
    failed: rng.chance(0.025) ? 1 + rng.int(2) : 0,
    rejected: rng.chance(0.01) ? 1 : 0,
  };
  const installP = env === 'prod' ? 0.7 : env === 'staging' ? 0.4 : 0.15;
  return {
    baselineId: baselineFor(infra, patchGroup, family),
    patchGroup,
    operation: rng.chance(installP) ? 'Install' : 'Scan',
    startTime,
    endTime,
    rebootOption: profile.pendingReboot > 0 || rng.chance(0.15) ? 'NoReboot' : 'RebootIfNeeded',
    profile,
    seed: (rng.next() * 0x100000000) >>> 0,
  };
}
