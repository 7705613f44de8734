import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { SSMClient, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-ssm';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import type { InitializeMiddleware } from '@smithy/types';
import { awsSettings } from './config';

/** One AWS operation about to be sent (counted once, whatever the SDK's retries do). */
export interface AwsCall {
  service: 'ssm' | 'ec2' | 'iam';
  operation: string;
  region: string;
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
function meterMiddleware(service: AwsCall['service'], region: string, kind: Kind): InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> {
  return (next, context) => (args) => {
    awsCallMeter.getStore()?.charge({ service, operation: String(context.commandName ?? 'unknown').replace(/Command$/, ''), region, mutation: kind === 'mutate' });
    return next(args);
  };
}

function metered<C extends SSMClient | EC2Client | IAMClient>(client: C, service: AwsCall['service'], region: string, kind: Kind): C {
  (client.middlewareStack as Pick<SSMClient['middlewareStack'], 'add'>).add(meterMiddleware(service, region, kind), { step: 'initialize', name: CHARGE, priority: 'high' });
  return client;
}

/**
 * One SDK client per (account, service, region, retry policy), created once and reused: connection reuse and the
 * adaptive retry mode's client-side rate limiter both live in the client instance.
 */
type Kind = 'read' | 'mutate';
type Key = string;

type AnyClient = SSMClient | EC2Client | IAMClient;
const store = globalThis as unknown as { __ssmFleetClients?: Map<Key, AnyClient> };
const clients = (store.__ssmFleetClients ??= new Map());

function common(region: string, kind: Kind) {
  const { endpoint, profile } = awsSettings();
  return {
    region,
    endpoint,
    // Credentials: the SDK's default provider chain (env, AWS_PROFILE / SSO / shared files, web identity, instance role).
    ...(profile ? { profile } : {}),
    // Reads: retry throttling with backoff and client-side rate limiting. Mutations: exactly one attempt,
    // because a retried SendCommand can run a command twice (SSM has no idempotency token for it).
    maxAttempts: kind === 'read' ? 6 : 1,
    retryMode: kind === 'read' ? 'adaptive' : 'standard',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, httpAgent: { maxSockets: 64 }, httpsAgent: { maxSockets: 64 } },
  };
}

function keyOf(service: string, region: string, kind: Kind): Key {
  const { endpoint, profile } = awsSettings();
  return [profile ?? 'default', service, region, kind, endpoint ?? ''].join('|');
}

export function ssmClient(region: string, kind: Kind = 'read'): SSMClient {
  const key = keyOf('ssm', region, kind);
  let c = clients.get(key) as SSMClient | undefined;
  if (!c) clients.set(key, (c = metered(new SSMClient(common(region, kind)), 'ssm', region, kind)));
  return c;
}

export function ec2Client(region: string, kind: Kind = 'read'): EC2Client {
  const key = keyOf('ec2', region, kind);
  let c = clients.get(key) as EC2Client | undefined;
  if (!c) clients.set(key, (c = metered(new EC2Client(common(region, kind)), 'ec2', region, kind)));
  return c;
}

/** IAM is a global service: one client per account, signed for us-east-1 (the region of its global endpoint). */
export const IAM_REGION = 'us-east-1';

export function iamClient(kind: Kind = 'read'): IAMClient {
  const key = keyOf('iam', IAM_REGION, kind);
  let c = clients.get(key) as IAMClient | undefined;
  if (!c) clients.set(key, (c = metered(new IAMClient(common(IAM_REGION, kind)), 'iam', IAM_REGION, kind)));
  return c;
}

/** Tests: drop cached clients after changing the environment. */
export function resetClients(): void {
  for (const c of clients.values()) c.destroy();
  clients.clear();
}
