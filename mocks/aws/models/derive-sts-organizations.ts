/**
 * Derives mocks/aws/models/sts.json and organizations.json from the AWS SDK for JavaScript v2's models (Apache
 * License 2.0), the same way derive-iam.ts derives iam.json:
 *
 *   (cd /tmp && npm pack aws-sdk@2 && tar xzf aws-sdk-*.tgz)     # not a dependency of the project
 *   npx tsx mocks/aws/models/derive-sts-organizations.ts /tmp/package
 */
import path from 'node:path';
import { deriveModel } from './derive-iam';

export const STS_OPERATIONS = ['AssumeRole', 'GetCallerIdentity'] as const;
export const ORGANIZATIONS_OPERATIONS = ['ListAccounts'] as const;

function main(): void {
  const sdkDir = path.resolve(process.argv[2] ?? '/tmp/package');
  deriveModel(sdkDir, 'sts-2011-06-15.min.json', STS_OPERATIONS, 'sts.json');
  deriveModel(sdkDir, 'organizations-2016-11-28.min.json', ORGANIZATIONS_OPERATIONS, 'organizations.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) main();
