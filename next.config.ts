import type { NextConfig } from 'next';
import path from 'node:path';
import { scanApiRoutes } from './lib/api/scan-routes';
import { RUN_BODY_LIMIT } from './app/api/runs/limits';

/** Headers for what the proxy does not see (static assets); the proxy sets these and a nonce CSP on everything else. */
const STATIC_SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Large or native server-only packages: keep them out of the bundler and load them from node_modules.
  serverExternalPackages: ['@aws-sdk/client-ssm', '@aws-sdk/client-ec2', 'better-sqlite3'],
  // The proxy answers wrong methods under /api with 405 and `Allow` from this table (lib/api/route-table.ts).
  env: { API_ROUTE_METHODS: JSON.stringify(scanApiRoutes(path.join(process.cwd(), 'app'))) },
  experimental: {
    // With a proxy, Next.js buffers request bodies for it up to this size. One byte over the largest body any route
    // takes, so a body past every limit still reads as too large (413), never as silently cut short.
    proxyClientMaxBodySize: RUN_BODY_LIMIT + 1,
  },
  async headers() {
    return [{ source: '/_next/static/:path*', headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
