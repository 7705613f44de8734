/**
 * How often things go wrong, in one place. A node-level fault is fixed per (seed, node);
 * a per-run fault is drawn per (seed, command, node) for its class, so one command fails
 * the same way on a share of its nodes while the details (PIDs, paths, IPs, timings)
 * differ from node to node.
 */
import { unit } from './node-facts';

export const FAILURE_SHARES = {
  /** Nodes whose root file system is full: every script fails before it starts. */
  fullDisk: 0.015,
  /** systemctl restart/start of an installed service fails (control process exited). */
  serviceStart: 0.04,
  /** An installed service is inactive/failed (node-level). */
  serviceDown: 0.03,
  /** apt/dpkg lock held by another process (apt-get/apt). */
  aptLock: 0.06,
  /** dnf/yum repository metadata download times out. */
  repoTimeout: 0.05,
  /** apt mirror unreachable (apt-get update warns, install fails). */
  aptMirror: 0.03,
  /** curl to a service times out (exit 28). */
  curlTimeout: 0.06,
  /** The node's instance profile may not write to the bucket (aws s3 cp). */
  s3Denied: 0.05,
  /** /tmp is full: writing an archive fails. */
  tmpFull: 0.02,
  /** PowerShell Restart-Service fails to start the service again. */
  windowsServiceStart: 0.04,
} as const;

export type FailureClass = keyof typeof FAILURE_SHARES;

/** The node's root file system is full (fixed per seed and node). */
export function hasFullDisk(seed: number, nodeId: string): boolean {
  return unit('full-disk', seed, nodeId) < FAILURE_SHARES.fullDisk;
}

/** A node-level fault of a service (fixed per seed, node and service). */
export function serviceDown(seed: number, nodeId: string, service: string): boolean {
  return unit('service-down', seed, nodeId, service) < FAILURE_SHARES.serviceDown;
}

/** A per-run fault: `roll` is the run's deterministic roll. */
export function strikes(roll: (...salt: Array<string | number>) => number, cls: FailureClass, ...salt: Array<string | number>): boolean {
  return roll(cls, ...salt) < FAILURE_SHARES[cls];
}

/** A PID-like number that differs per node and run. */
export const pidOf = (roll: (...salt: Array<string | number>) => number, salt: string) => 1200 + Math.floor(roll('pid', salt) * 60_000);
