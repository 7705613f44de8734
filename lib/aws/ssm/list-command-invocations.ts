import 'server-only';
import { ListCommandInvocationsCommand, paginateListCommandInvocations, type CommandInvocation, type CommandFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { CommandInvocation };

/**
 * Every invocation of a command (50 a page). Without details the pages are small (status only); with details each
 * plugin's output comes too, cut by AWS at 2,500 characters. `filters` narrow it (Status=Failed...); `onPage` sees
 * each page as it arrives (a 10,000-node command takes 200 of them).
 */
export async function listCommandInvocations(
  scope: AwsScope,
  commandId: string,
  opts: { details?: boolean; filters?: CommandFilter[]; onPage?: (page: CommandInvocation[]) => void } = {},
): Promise<{ invocations: CommandInvocation[]; pages: number }> {
  const out: CommandInvocation[] = [];
  let n = 0;
  try {
    const pages = paginateListCommandInvocations(
      { client: ssmClient(scope), pageSize: 50 },
      { CommandId: commandId, Details: opts.details ?? false, Filters: opts.filters?.length ? opts.filters : undefined },
    );
    for await (const page of pages) {
      if (++n > LIMITS.maxPages) throw new PageCapError('ListCommandInvocations');
      out.push(...(page.CommandInvocations ?? []));
      opts.onPage?.(page.CommandInvocations ?? []);
    }
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListCommandInvocations', region: scope.region, account: scope.account });
  }
  return { invocations: out, pages: n };
}

/** One node's invocation with its plugins (names, statuses, first 2,500 characters of output). */
export async function getInvocationDetails(scope: AwsScope, commandId: string, instanceId: string): Promise<CommandInvocation | undefined> {
  try {
    const out = await ssmClient(scope).send(new ListCommandInvocationsCommand({ CommandId: commandId, InstanceId: instanceId, Details: true }));
    return out.CommandInvocations?.[0];
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListCommandInvocations', region: scope.region, account: scope.account });
  }
}
