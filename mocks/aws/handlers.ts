/**
 * MSW handlers for the simulated AWS. They take a POST to any URL (real AWS hostnames
 * in-process, or the local endpoint) and route by the SigV4 credential scope's service
 * (`ssm`, `ec2`, `iam`). Requests that are not SSM, EC2 or IAM requests are left unhandled, so
 * `onUnhandledRequest: 'error'` reports them.
 */
import { http, type RequestHandler } from 'msw';
import type { Simulation } from '../fleet-sim';
import { hashSeed, mulberry32 } from '../fleet-sim/prng';
import type { Scenario } from '../scenarios';
import type { Stats } from '../stats';
import type { AwsContext } from './context';
import { serveEc2 } from './ec2';
import { serveIam } from './iam';
import { guessService, readCredentialScope, type CredentialScope } from './protocol/sigv4';
import { serveSsm } from './ssm';

interface Routed {
  service: 'ssm' | 'ec2' | 'iam';
  scope: CredentialScope | null;
}

/** Which simulated service a request is for, or null if it is not one of ours. */
export async function routeAwsRequest(request: Request): Promise<Routed | null> {
  if (request.method !== 'POST') return null;
  const url = new URL(request.url);
  const scope = readCredentialScope(request.headers, url);
  let service = guessService(request.headers, url, scope);
  if (!service && !request.headers.has('authorization') && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    // An unsigned EC2 or IAM query request to the local endpoint.
    const body = await request.clone().text();
    if (/(^|&)Action=/.test(body) && /(^|&)Version=2016-11-15(&|$)/.test(body)) service = 'ec2';
    if (/(^|&)Action=/.test(body) && /(^|&)Version=2010-05-08(&|$)/.test(body)) service = 'iam';
  }
  return service === 'ssm' || service === 'ec2' || service === 'iam' ? { service, scope } : null;
}

export function createAwsContext(sim: Simulation, scenario: Scenario, stats: Stats): AwsContext {
  return { sim, scenario, stats, random: mulberry32(hashSeed('faults', sim.seed)) };
}

/** Header the standalone server sets to when a request arrived (stats clock), before its body was read. */
export const RECEIVED_AT_HEADER = 'x-mock-received-at';

/** Answers one request, or returns undefined if it is not an SSM, EC2 or IAM request. */
export async function handleAwsRequest(ctx: AwsContext, request: Request): Promise<Response | undefined> {
  const hinted = Number(request.headers.get(RECEIVED_AT_HEADER) ?? NaN);
  const start = { receivedAt: Number.isFinite(hinted) ? hinted : ctx.stats.now() };
  const routed = await routeAwsRequest(request);
  if (!routed) return undefined;
  const body = await request.text();
  if (routed.service === 'ssm') return serveSsm(ctx, request.headers, routed.scope, body, start);
  return routed.service === 'iam' ? serveIam(ctx, routed.scope, body, start) : serveEc2(ctx, routed.scope, body, start);
}

export function createAwsHandlers(sim: Simulation, scenario: Scenario, stats: Stats): RequestHandler[] {
  const ctx = createAwsContext(sim, scenario, stats);
  return [
    http.post(
      async ({ request }) => (await routeAwsRequest(request)) !== null,
      async ({ request }) => handleAwsRequest(ctx, request),
    ),
  ];
}
