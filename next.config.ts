import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The AWS SDK is large and server-only: keep it out of the bundler and load it from node_modules.
  serverExternalPackages: ['@aws-sdk/client-ssm', '@aws-sdk/client-ec2'],
};

export default nextConfig;
