import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Large or native server-only packages: keep them out of the bundler and load them from node_modules.
  serverExternalPackages: ['@aws-sdk/client-ssm', '@aws-sdk/client-ec2', 'better-sqlite3'],
};

export default nextConfig;
