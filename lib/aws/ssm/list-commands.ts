import 'server-only';
import { ListCommandsCommand, paginateListCommands, type Command, type CommandFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import type { AwsScope } from '../scope';
import { LIMITS, PageCapError } from '../limits';

export type { Command, CommandFilter };

/** One command's status and counts. */
export async function getCommand(scope: AwsScope, commandId: string): Promise<Command | undefined> {
  try {
    const out = await ssmClient(scope).send(new ListCommandsCommand({ CommandId: commandId }));
    return out.Commands?.[0];
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListCommands', region: scope.region, account: scope.account });
  }
}

/**
 * Commands of a region matching the filters (newest first, 50 a page), at most `maxPages` pages; `instanceId` narrows
 * to the commands sent to one node.
 */
export async function listCommands(
  scope: AwsScope,
  filters: CommandFilter[],
  opts: { maxPages?: number; instanceId?: string } = {},
): Promise<{ commands: Command[]; more: boolean }> {
  const ctx = { service: 'ssm', operation: 'ListCommands', region: scope.region, account: scope.account };
  const maxPages = opts.maxPages ?? LIMITS.maxPages;
  const out: Command[] = [];
  try {
    const pages = paginateListCommands(
      { client: ssmClient(scope), pageSize: 50 },
      { Filters: filters.length ? filters : undefined, InstanceId: opts.instanceId },
    );
    let n = 0;
    for await (const page of pages) {
      out.push(...(page.Commands ?? []));
      if (++n >= maxPages) {
        if (maxPages === LIMITS.maxPages) throw new PageCapError(ctx.operation);
        return { commands: out, more: !!page.NextToken };
      }
    }
  } catch (err) {
    throw toAwsError(err, ctx);
  }
  return { commands: out, more: false };
}
