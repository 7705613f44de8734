import 'server-only';

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
