import 'server-only';
import { awsSettings, ConfigError } from '@/lib/aws/config';

export interface DashboardInfo {
  demo: boolean;
  regions: string[];
  configError: { code: string; message: string } | null;
}

/** What the header shows about where the dashboard reads from. */
export function dashboardInfo(): DashboardInfo {
  try {
    const s = awsSettings();
    return {
      demo: s.demo,
      regions: s.regions,
      configError: s.regions.length ? null : { code: 'RegionMissing', message: 'No AWS region is configured (AWS_REGIONS or AWS_REGION).' },
    };
  } catch (err) {
    if (err instanceof ConfigError) return { demo: false, regions: [], configError: { code: err.code, message: err.message } };
    throw err;
  }
}
