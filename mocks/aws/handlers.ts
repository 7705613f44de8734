/**
 * MSW handlers for the simulated AWS. They take a POST to any URL (real AWS hostnames in-process, or the local
 * endpoint) and route by the SigV4 credential scope's service (`ssm`, `ec2`, `iam`, `sts`, `organizations`); the
 * scope's access key decides which account's fleet answers (mocks/accounts/identity.ts). Requests that are not for
 * one of these services are left unhandled, so `onUnhandledRequest: 'error'` reports them.
 */
import { http, type RequestHandler } from 'msw';
import type { Accounts } from '../accounts';
import { identify } from '../accounts/identity';
import { hashSeed, mulberry32 } from '../fleet-sim/prng';
import type { Scenario } from '../scenarios';
import type { Stats } from '../stats';
import type { AwsContext } from './context';
import { serveEc2 } from './ec2';
import { serveIam } from './iam';
import { serveOrganizations } from './organizations';
import { guessService, readCredentialScope, readSecurityToken, type CredentialScope } from './protocol/sigv4';
import { serveSsm } from './ssm';
import { serveSts } from './sts';

const SERVICES = ['ssm', 'ec2', 'iam', 'sts', 'organizations'] as const;
type Service = (typeof SERVICES)[number];

interface Routed {
  service: Service;
  scope: CredentialScope | null;
}

/** The query protocol's API versions, for unsigned form requests to the local endpoint. */
const QUERY_VERSIONS: Record<string, Service> = { '2016-11-15': 'ec2', '2010-05-08': 'iam', '2011-06-15': 'sts' };

/** Which simulated service a request is for, or null if it is not one of ours. */
export async function routeAwsRequest(request: Request): Promise<Routed | null> {
  if (request.method !== 'POST') return null;
  const url = new URL(request.url);
  const scope = readCredentialScope(request.headers, url);
  let service = guessService(request.headers, url, scope);
  if (!service && !request.headers.has('authorization') && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    // An unsigned query request (EC2, IAM or STS) to the local endpoint.
    const form = new URLSearchParams(await request.clone().text());
    if (form.has('Action')) service = QUERY_VERSIONS[form.get('Version') ?? ''] ?? null;
  }
  return SERVICES.includes(service as Service) ? { service: service as Service, scope } : null;
}

/** What stays the same across requests: the accounts, the faults, the stats, the seeded throttling draws. */
export interface AwsWorld {
  accounts: Accounts;
  scenario: Scenario;
  stats: Stats;
  random: () => number;
}

export function createAwsWorld(accounts: Accounts, scenario: Scenario, stats: Stats): AwsWorld {
  return { accounts, scenario, stats, random: mulberry32(hashSeed('faults', accounts.managementSim.seed)) };
}

/** One request's context: the caller named by the signature's access key, and that account's fleet. */
export function contextFor(world: AwsWorld, request: Request, scope: CredentialScope | null): AwsContext {
  const { accounts } = world;
  const base = { ...world, sim: accounts.managementSim, caller: null };
  if (!scope) return base;
  const identity = identify(accounts, scope.accessKeyId, readSecurityToken(request.headers, new URL(request.url)));
  if (!identity.ok) return { ...base, authProblem: identity.problem };
  const sim = accounts.sims.get(identity.caller.account) ?? accounts.managementSim;
  return { ...base, sim, caller: identity.caller };
}

/** Header the standalone server sets to when a request arrived (stats clock), before its body was read. */
export const RECEIVED_AT_HEADER = 'x-mock-received-at';

/** Answers one request, or returns undefined if it is not for one of the simulated services. */
export async function handleAwsRequest(world: AwsWorld, request: Request): Promise<Response | undefined> {
  const hinted = Number(request.headers.get(RECEIVED_AT_HEADER) ?? NaN);
  const start = { receivedAt: Number.isFinite(hinted) ? hinted : world.stats.now() };
  const routed = await routeAwsRequest(request);
  if (!routed) return undefined;
  const ctx = contextFor(world, request, routed.scope);
  const body = await request.text();
  switch (routed.service) {
    case 'ssm':
      return serveSsm(ctx, request.headers, routed.scope, body, start);
    case 'organizations':
      return serveOrganizations(ctx, request.headers, routed.scope, body, start);
    case 'iam':
      return serveIam(ctx, routed.scope, body, start);
    case 'sts':
      return serveSts(ctx, routed.scope, body, start);
    default:
      return serveEc2(ctx, routed.scope, body, start);
  }
}

export function createAwsHandlers(accounts: Accounts, scenario: Scenario, stats: Stats): RequestHandler[] {
  const world = createAwsWorld(accounts, scenario, stats);
  return [
    http.post(
      async ({ request }) => (await routeAwsRequest(request)) !== null,
      async ({ request }) => handleAwsRequest(world, request),
    ),
  ];
}
