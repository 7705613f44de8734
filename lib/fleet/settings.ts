import 'server-only';
import { accountsConfig, awsSettings, ConfigError } from '@/lib/aws/config';
import { AccountsFileError } from '@/lib/aws/accounts-file';

export interface DashboardInfo {
  demo: boolean;
  regions: string[];
  /** Accounts of the accounts file (0 without one; null in Organizations mode, where they are listed at run time). */
  accounts: number | null;
  configError: { code: string; message: string } | null;
}

/** What the header shows about where the dashboard reads from. */
export function dashboardInfo(): DashboardInfo {
  try {
    const s = awsSettings();
    const config = accountsConfig();
    if (config) {
      const regions = config.mode === 'organization' ? config.regions : [...new Set(config.accounts.flatMap((a) => a.regions))].sort();
      return { demo: s.demo, regions, accounts: config.mode === 'organization' ? null : config.accounts.length, configError: null };
    }
    return {
      demo: s.demo,
      regions: s.regions,
      accounts: 0,
      configError: s.regions.length ? null : { code: 'RegionMissing', message: 'No AWS region is configured (AWS_REGIONS or AWS_REGION).' },
    };
  } catch (err) {
    if (err instanceof ConfigError) return { demo: false, regions: [], accounts: 0, configError: { code: err.code, message: err.message } };
    if (err instanceof AccountsFileError) return { demo: false, regions: [], accounts: 0, configError: { code: 'AccountsFileInvalid', message: err.message } };
    throw err;
  }
}
