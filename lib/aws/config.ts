import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import { AccountsFileError, parseAccountsFile, type AccountsConfig } from './accounts-file';

/**
 * Where the dashboard reads AWS: which regions, which endpoint. Read from the environment on each call so
 * tests and the demo runner can set it; clients are still created once per (account, service, region).
 */
export interface AwsSettings {
  regions: string[];
  /** Endpoint override (the simulated AWS in demo mode); undefined means real AWS. */
  endpoint: string | undefined;
  /** Named profile from the shared config files; undefined means the default credential chain. */
  profile: string | undefined;
  demo: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export class ConfigError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function awsSettings(env: NodeJS.ProcessEnv = process.env): AwsSettings {
  const raw = env.AWS_REGIONS || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
  const regions = [...new Set(raw.split(',').map((r) => r.trim()).filter(Boolean))];
  const bad = regions.filter((r) => !REGION.test(r));
  if (bad.length) throw new ConfigError('InvalidRegion', `AWS_REGIONS has an invalid region name: ${bad.join(', ')}`);
  return {
    regions,
    endpoint: env.AWS_ENDPOINT_URL || undefined,
    profile: env.AWS_PROFILE || undefined,
    demo: env.DEMO_MODE === '1' || env.DEMO_MODE === 'true',
  };
}

/** The regions to read, or a ConfigError that the setup page explains. */
export function configuredRegions(): string[] {
  const { regions } = awsSettings();
  if (!regions.length) {
    throw new ConfigError(
      'RegionMissing',
      'No AWS region is configured. Set AWS_REGIONS (for example "us-east-1,eu-west-1") or AWS_REGION.',
    );
  }
  return regions;
}

/**
 * The accounts file named by ACCOUNTS_FILE, parsed and validated (read again when it changes on disk), or null
 * without one: then the dashboard reads the one account of its own identity, as it always did.
 */
let loaded: { file: string; mtimeMs: number; config: AccountsConfig } | null = null;

export function accountsConfig(env: NodeJS.ProcessEnv = process.env): AccountsConfig | null {
  const file = env.ACCOUNTS_FILE?.trim();
  if (!file) return null;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // Gone after it was read (moved, a volume unmounted): keep the accounts read at start rather than lose the fleet.
    if (loaded?.file === file) return loaded.config;
    throw new AccountsFileError(file, ['the file named by ACCOUNTS_FILE does not exist or cannot be read']);
  }
  if (loaded?.file === file && loaded.mtimeMs === mtimeMs) return loaded.config;
  const config = parseAccountsFile(readFileSync(file, 'utf8'), file);
  loaded = { file, mtimeMs, config };
  return config;
}

/** What is wrong with the accounts file, for the startup check, or null. */
export function accountsFileProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    accountsConfig(env);
    return null;
  } catch (err) {
    if (err instanceof AccountsFileError) return err.message;
    throw err;
  }
}

/** The roles to assume in an account, or null for the base identity (no accounts file, or BASE_ACCOUNT). */
export function accountRoles(account: string): { read: string; operator: string; externalId?: string; durationSeconds: number } | null {
  const config = account ? accountsConfig() : null;
  if (!config) return null;
  if (config.mode === 'organization') {
    const arn = (name: string) => `arn:aws:iam::${account}:role/${name}`;
    return { read: arn(config.roleName), operator: arn(config.operatorRoleName), externalId: config.externalId, durationSeconds: config.sessionDurationSeconds };
  }
  const entry = config.accounts.find((a) => a.id === account);
  if (!entry) throw new ConfigError('UnknownAccount', `Account ${account} is not in the accounts file.`);
  return { read: entry.roleArn, operator: entry.operatorRoleArn, externalId: entry.externalId, durationSeconds: entry.sessionDurationSeconds };
}
