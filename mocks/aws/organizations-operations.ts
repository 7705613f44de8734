/**
 * Organizations ListAccounts over the configured accounts (suspended and broken ones too, as AWS lists every
 * member). Only the management account may call it; without an organization there is nothing to list.
 */
import type { ResolvedAccountSpec } from '../accounts';
import type { AwsContext } from './context';
import { AwsError } from './errors';
import { epochSeconds } from './protocol/json11';

interface ListAccountsRequest {
  NextToken?: string;
  MaxResults?: number;
}

const DEFAULT_MAX_RESULTS = 20;
/** When the demo organization's accounts joined: a fixed date and a step per account, so answers are stable. */
const FIRST_JOINED = Date.UTC(2019, 2, 4, 9, 30);
const JOINED_STEP_MS = 41 * 24 * 3600_000;

function toAccount(ctx: AwsContext, spec: ResolvedAccountSpec, index: number) {
  const { management, organizationId } = ctx.accounts;
  return {
    Id: spec.id,
    Arn: `arn:aws:organizations::${management.id}:account/${organizationId}/${spec.id}`,
    Email: spec.email,
    Name: spec.name,
    Status: spec.status,
    // The management account created the organization; the others were created in it.
    JoinedMethod: spec.management ? 'INVITED' : 'CREATED',
    JoinedTimestamp: epochSeconds(FIRST_JOINED + index * JOINED_STEP_MS),
  };
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ listAccounts: offset })).toString('base64');

function decodeToken(token: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { listAccounts?: unknown };
    const offset = parsed.listAccounts;
    return typeof offset === 'number' && Number.isInteger(offset) && offset > 0 ? offset : null;
  } catch {
    return null;
  }
}

const invalidInput = (reason: string, message: string) => new AwsError('InvalidInputException', message, 400, { Reason: reason });

function listAccounts(ctx: AwsContext, input: ListAccountsRequest) {
  if (!ctx.accounts.organization) throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  if (ctx.caller?.account !== ctx.accounts.management.id) throw new AwsError('AccessDeniedException', "You don't have permissions to access this resource.");
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  if (max < 1) throw invalidInput('MIN_VALUE_EXCEEDED', 'You provided a value that is less than the minimum allowed value.');
  if (max > 20) throw invalidInput('MAX_VALUE_EXCEEDED', 'You provided a value that exceeds the maximum allowed value.');
  const specs = ctx.accounts.specs;
  const offset = input.NextToken === undefined ? 0 : decodeToken(input.NextToken);
  if (offset === null || offset >= specs.length) {
    throw invalidInput('INVALID_NEXT_TOKEN', 'You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.');
  }
  const page = specs.slice(offset, offset + max).map((s, i) => toAccount(ctx, s, offset + i));
  const next = offset + max < specs.length ? encodeToken(offset + max) : undefined;
  return { Accounts: page, ...(next ? { NextToken: next } : {}) };
}

export type OrganizationsOperation = (ctx: AwsContext, input: Record<string, unknown>) => object;

export const ORGANIZATIONS_OPERATIONS: Record<string, OrganizationsOperation> = {
  ListAccounts: (ctx, input) => listAccounts(ctx, input as ListAccountsRequest),
};
