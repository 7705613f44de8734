import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { SSMClient, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-ssm';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { InitializeMiddleware } from '@smithy/types';
import { awsSettings } from './config';
import { accountCredentials, resetCredentials } from './credentials';
import { resetRequestShares, takeRequestShare } from './rate-share';
import { BASE_ACCOUNT, type AwsScope } from './scope';

/** One AWS operation about to be sent (counted once, whatever the SDK's retries do). */
export interface AwsCall {
  service: 'ssm' | 'ec2' | 'iam' | 'organizations';
  operation: string;
  region: string;
  account: string;
  /** A call that changes the fleet (the single-attempt client). */
  mutation: boolean;
}

/**
 * Whoever wants to know about, or limit, the AWS calls made in an async context (lib/api/caller-budget.ts counts them
 * per caller). `charge` runs before the call is sent and may throw to refuse it: the call is then not made.
 */
export interface AwsCallMeter {
  charge(call: AwsCall): void;
}

/** The meter of the current async context (a request), if any. */
export const awsCallMeter = new AsyncLocalStorage<AwsCallMeter>();

const CHARGE = 'chargeAwsCallMeter';
const RATE = 'accountRequestShare';
function meterMiddleware(service: AwsCall['service'], scope: AwsScope, kind: Kind): InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> {
  return (next, context) => (args) => {
    const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
    awsCallMeter.getStore()?.charge({ service, operation, region: scope.region, account: scope.account, mutation: kind === 'mutate' });
    return next(args);
  };
}

/** SSM calls wait for their account and region's share of the request rate (see rate-share.ts). */
function shareMiddleware(scope: AwsScope): InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> {
  return (next) => async (args) => {
    await takeRequestShare(scope);
    return next(args);
  };
}

function metered<C extends AnyClient>(client: C, service: AwsCall['service'], scope: AwsScope, kind: Kind): C {
  const stack = client.middlewareStack as Pick<SSMClient['middlewareStack'], 'add'>;
  stack.add(meterMiddleware(service, scope, kind), { step: 'initialize', name: CHARGE, priority: 'high' });
  if (service === 'ssm') stack.add(shareMiddleware(scope), { step: 'initialize', name: RATE, priority: 'low' });
  return client;
}

/**
 * One SDK client per (account, service, region, retry policy, acting user), created once and reused: connection reuse
 * and the adaptive retry mode's client-side rate limiter both live in the client instance.
 */
type Kind = 'read' | 'mutate';
type Key = string;

type AnyClient = SSMClient | EC2Client | IAMClient | OrganizationsClient;
const store = globalThis as unknown as { __ssmFleetClients?: Map<Key, AnyClient> };
const clients = (store.__ssmFleetClients ??= new Map());

function common(scope: AwsScope, kind: Kind, actor?: string) {
  const { endpoint, profile } = awsSettings();
  const credentials = accountCredentials(scope.account, kind, actor);
  return {
    region: scope.region,
    endpoint,
    // Credentials: the SDK's default provider chain (env, AWS_PROFILE / SSO / shared files, web identity, instance
    // role) for the base identity; a role assumed with it for every account of the accounts file.
    ...(credentials ? { credentials } : profile ? { profile } : {}),
    // Reads: retry throttling with backoff and client-side rate limiting. Mutations: exactly one attempt,
    // because a retried SendCommand can run a command twice (SSM has no idempotency token for it).
    maxAttempts: kind === 'read' ? 6 : 1,
    retryMode: kind === 'read' ? 'adaptive' : 'standard',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, httpAgent: { maxSockets: 64 }, httpsAgent: { maxSockets: 64 } },
  };
}

function keyOf(service: string, scope: AwsScope, kind: Kind, actor?: string): Key {
  const { endpoint, profile } = awsSettings();
  return [profile ?? 'default', service, scope.account, scope.region, kind, kind === 'mutate' ? (actor ?? '') : '', endpoint ?? ''].join('|');
}

function cached<C extends AnyClient>(service: AwsCall['service'], scope: AwsScope, kind: Kind, actor: string | undefined, make: (config: ReturnType<typeof common>) => C): C {
  const key = keyOf(service, scope, kind, actor);
  let c = clients.get(key) as C | undefined;
  if (!c) clients.set(key, (c = metered(make(common(scope, kind, actor)), service, scope, kind)));
  return c;
}

/** `actor`: the dashboard user a mutation is made for (named in the assumed role's session). */
export function ssmClient(scope: AwsScope, kind: Kind = 'read', actor?: string): SSMClient {
  return cached('ssm', scope, kind, actor, (config) => new SSMClient(config));
}

export function ec2Client(scope: AwsScope, kind: Kind = 'read'): EC2Client {
  return cached('ec2', scope, kind, undefined, (config) => new EC2Client(config));
}

/** IAM is a global service: one client per account, signed for us-east-1 (the region of its global endpoint). */
export const IAM_REGION = 'us-east-1';

export function iamClient(account: string, kind: Kind = 'read'): IAMClient {
  return cached('iam', { account, region: IAM_REGION }, kind, undefined, (config) => new IAMClient(config));
}

/** Organizations (Organizations mode lists the accounts): the base identity, signed for us-east-1. */
export function organizationsClient(): OrganizationsClient {
  return cached('organizations', { account: BASE_ACCOUNT, region: IAM_REGION }, 'read', undefined, (config) => new OrganizationsClient(config));
}

/** Tests: drop cached clients and sessions after changing the environment. */
export function resetClients(): void {
  for (const c of clients.values()) c.destroy();
  clients.clear();
  resetCredentials();
  resetRequestShares();
}
