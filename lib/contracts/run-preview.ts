/** What a run would do, shown before anything is sent. */
import type { RunRequest } from './run-request';

/**
 * What happens to one targeted node:
 *   send        Online and supported: it runs
 *   offline     not Online: left out of an explicit selection; with tags AWS tries it and it ends Delivery Timed Out
 *   unsupported the document does not support its platform: would end Invalid Platform; left out unless kept
 *   stopped     the EC2 instance is not running: left out of a selection; a tag may still reach it (registered nodes)
 *   unmanaged   not registered with Systems Manager: no command can reach it
 *   regionDown  its region could not be read in the last fleet refresh: its state is from an earlier read and a send
 *               there would likely fail; left out unless the request keeps the region (keepFailedRegions)
 */
export type NodeFate = 'send' | 'offline' | 'unsupported' | 'stopped' | 'unmanaged' | 'regionDown';

/** A region whose node list failed in the last fleet refresh, as the preview reports it. */
export interface FailedRegion {
  region: string;
  /** Targeted nodes there (as of the last good read). */
  nodes: number;
  /** When its nodes were last read (null: never). */
  lastReadAt: string | null;
  code: string;
  /** The plain reason (never AWS's own text). */
  reason: string;
  /** The request keeps it: its nodes are planned from the earlier read. */
  kept: boolean;
}

export interface PreviewNode {
  id: string;
  name: string | null;
  /** '' for the dashboard's own account (no accounts file). */
  account: string;
  accountName: string;
  region: string;
  ping: string;
  ec2State: string | null;
  platformType: string | null;
  platformName: string | null;
  environment: string | null;
  az: string | null;
  /** Sent to AWS as part of the run (explicit IDs, or matched by a tag that AWS resolves). */
  included: boolean;
  fate: NodeFate;
  /** Document-specific notes (patching: "likely reboot", missing patches). */
  note: string | null;
}

export interface GroupExposure {
  /** AZ, Environment or Auto Scaling group name. */
  dimension: 'az' | 'environment' | 'asg';
  group: string;
  targeted: number;
  inFleet: number;
  /** At most this many of the group's nodes run the document at the same time. */
  maxAtOnce: number;
  /** Every node of the group could be affected together. */
  wholeGroup: boolean;
}

export interface PlannedCommand {
  account: string;
  region: string;
  /** How many explicit IDs, or the tag conditions AWS resolves at send time. */
  instanceCount: number | null;
  targets: { Key: string; Values: string[] }[] | null;
  byTargets: boolean;
  expectedNodes: number;
  maxConcurrency: string;
  maxErrors: string;
}

/** One account and region of the plan: its commands and nodes. */
export interface RegionPlan {
  account: string;
  accountName: string;
  region: string;
  commands: number;
  nodes: number;
}

export interface RunPreview {
  request: RunRequest;
  document: { name: string; version: string; platformTypes: string[]; description: string | null };
  targetSummary: string;
  nodes: PreviewNode[];
  counts: Record<NodeFate, number>;
  /** Nodes AWS will be asked to run it on (explicit) or that the tag matches in the view (AWS resolves it). */
  included: number;
  /** Node IDs named by the request that the fleet view does not know (terminated or gone); left out. */
  missing: string[];
  commands: PlannedCommand[];
  byRegion: RegionPlan[];
  /** The AWS accounts the run touches (none without an accounts file): the confirmation names them. */
  accounts: { id: string; name: string; nodes: number }[];
  /** Nodes running the document at the same time across all commands, at most. */
  maxAtOnce: number;
  waves: number;
  exposure: GroupExposure[];
  warnings: string[];
  production: number;
  /** What the user must type to confirm, when production nodes are targeted. */
  confirmationPhrase: string | null;
  /** A retry: the run it retries and the comment it keeps. */
  retry: { runId: string; comment: string | null } | null;
  fleetAsOf: string;
  /** Some region failed in the last fleet read: the preview may miss its nodes. */
  incomplete: string[];
  /** Regions whose node list failed, with targeted nodes: left out unless kept. */
  failedRegions: FailedRegion[];
  previewToken: string;
}
