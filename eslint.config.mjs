import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layering (see README "Architecture"): app -> lib (domain) -> lib/aws (the only importer of the AWS SDK).
// mocks/ is the simulated AWS and never imports the application.
const sdk = { group: ['@aws-sdk/*'], message: 'Only lib/aws may import the AWS SDK.' };
const sdkTypesOnly = { ...sdk, allowTypeImports: true, message: 'Only lib/aws may import the AWS SDK (type imports are allowed here).' };
const noApp = { group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'], message: 'lib/ must not depend on app/ or components/.' };
const SERVER_LIB = ['aws', 'fleet', 'actions', 'runs', 'documents', 'patching', 'db', 'api', 'inventory', 'history', 'ops-items', 'diagnosis'];
const noServerLib = { group: SERVER_LIB.flatMap((d) => [`@/lib/${d}/*`, `@/lib/${d}`]), message: 'Client-safe code must not import server-only modules.' };
const noProject = { group: ['@/*', '../lib/*', '../../lib/*', '../../../lib/*', '../app/*', '../../app/*'], message: 'mocks/ is independent of the application.' };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['app/**', 'components/**', 'e2e/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdk] }] },
  },
  {
    // The fleet, diagnosis and OpsItem mappers turn SDK shapes into DTOs and facts, so they may name SDK types; the
    // other domains get DTOs from lib/aws.
    files: ['lib/fleet/**', 'lib/diagnosis/**', 'lib/ops-items/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkTypesOnly, noApp] }] },
  },
  {
    files: [
      'lib/actions/**', 'lib/runs/**', 'lib/documents/**', 'lib/patching/**', 'lib/cache/**', 'lib/db/**', 'lib/api/**', 'lib/testing/**',
      'lib/inventory/**', 'lib/history/**', 'lib/*.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdk, noApp] }] },
  },
  {
    files: ['lib/contracts/**', 'lib/query/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdk, noApp, noServerLib] }] },
  },
  {
    files: ['mocks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkTypesOnly, noProject] }] },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdk, noServerLib] }] },
  },
  {
    // Contract and integration tests drive the real SDK clients against the simulated AWS.
    files: ['mocks/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noProject] }] },
  },
];

export default config;
