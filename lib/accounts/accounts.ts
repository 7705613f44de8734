import 'server-only';
import { accountsConfig, ConfigError, configuredRegions } from '@/lib/aws/config';
import { listOrganizationAccounts } from '@/lib/aws/organizations/list-accounts';
import { BASE_ACCOUNT, scopeKey, type AwsScope } from '@/lib/aws/scope';
import type { AwsError } from '@/lib/aws/errors';
import { toAwsError } from '@/lib/aws/errors';

/** An account the fleet is read from, with its display name and regions. */
export interface FleetAccount {
  /** 12-digit ID; BASE_ACCOUNT ('') for the dashboard's own identity without an accounts file. */
  id: string;
  name: string;
  regions: string[];
}

export interface FleetAccounts {
  accounts: FleetAccount[];
  /** Every (account, region) to read, in the order of the accounts. */
  scopes: AwsScope[];
  /** Organizations mode: ListAccounts failed (the last good list, if any, is used). */
  listingError?: AwsError;
  /** Accounts with an accounts file: false means the single-account behaviour. */
  multi: boolean;
}

/** Organizations mode re-lists the accounts this often (accounts join and leave rarely). */
const ORG_TTL_MS = () => (Number(process.env.ORG_ACCOUNTS_TTL_SECONDS) || 600) * 1000;
const g = globalThis as unknown as { __orgAccounts?: { at: number; accounts: FleetAccount[] }; __orgPending?: Promise<FleetAccounts> };

const withScopes = (accounts: FleetAccount[], multi: boolean, listingError?: AwsError): FleetAccounts => ({
  accounts, multi, listingError, scopes: accounts.flatMap((a) => a.regions.map((region) => ({ account: a.id, region }))),
});

/** The accounts and scopes to read now: from the accounts file, the organization, or the base identity alone. */
export async function fleetAccounts(): Promise<FleetAccounts> {
  const config = accountsConfig();
  if (!config) return withScopes([{ id: BASE_ACCOUNT, name: '', regions: configuredRegions() }], false);
  if (config.mode === 'accounts') return withScopes(config.accounts.map((a) => ({ id: a.id, name: a.name, regions: a.regions })), true);
  const cached = g.__orgAccounts;
  if (cached && Date.now() - cached.at < ORG_TTL_MS()) return withScopes(cached.accounts, true);
  return (g.__orgPending ??= listOrganization(config).finally(() => (g.__orgPending = undefined)));
}

async function listOrganization(config: Extract<NonNullable<ReturnType<typeof accountsConfig>>, { mode: 'organization' }>): Promise<FleetAccounts> {
  try {
    const include = config.include && new Set(config.include);
    const exclude = new Set(config.exclude ?? []);
    const listed = await listOrganizationAccounts();
    const accounts = listed
      .filter((a) => a.Id && a.Status === 'ACTIVE' && (!include || include.has(a.Id)) && !exclude.has(a.Id))
      .map((a) => ({ id: a.Id!, name: config.names[a.Id!] ?? a.Name ?? a.Id!, regions: config.regions }))
      .sort((a, b) => a.name.localeCompare(b.name));
    g.__orgAccounts = { at: Date.now(), accounts };
    return withScopes(accounts, true);
  } catch (err) {
    const error = toAwsError(err);
    const last = g.__orgAccounts;
    if (last) return withScopes(last.accounts, true, error);
    throw new ConfigError('OrganizationUnreadable', `Organizations mode: the accounts of the organization cannot be listed (${error.message}).`);
  }
}

/**
 * The accounts and scopes known without calling AWS (the file, or the organization as last listed), for restoring
 * the saved fleet at once after a restart; null when the organization has not been listed yet.
 */
export function knownAccounts(): FleetAccounts | null {
  const config = accountsConfig();
  if (!config) return withScopes([{ id: BASE_ACCOUNT, name: '', regions: configuredRegions() }], false);
  if (config.mode === 'accounts') return withScopes(config.accounts.map((a) => ({ id: a.id, name: a.name, regions: a.regions })), true);
  return g.__orgAccounts ? withScopes(g.__orgAccounts.accounts, true) : null;
}

/** The display name of an account (its ID when unnamed); '' for the base identity. */
export function accountLabel(accounts: readonly FleetAccount[], id: string): string {
  return accounts.find((a) => a.id === id)?.name || id;
}

/** Tests: list the organization again. */
export function resetOrganizationAccounts(): void {
  g.__orgAccounts = undefined;
  g.__orgPending = undefined;
}

/**
 * The keys of every scope to read (scopeKey: the region alone for the dashboard's own account, account/region
 * otherwise), for the features that keep per-region state (OpsItems, documents, command history, patch settings).
 */
export async function fleetScopeKeys(): Promise<string[]> {
  return (await fleetAccounts()).scopes.map(scopeKey);
}
