import 'server-only';
import { ListCommandsCommand, paginateListCommands, type Command, type CommandFilter } from '@aws-sdk/client-ssm';
import { ssmClient } from '../clients';
import { toAwsError } from '../errors';
import { LIMITS, PageCapError } from '../limits';

export type { Command, CommandFilter };

/** One command's status and counts. */
export async function getCommand(region: string, commandId: string): Promise<Command | undefined> {
  try {
    const out = await ssmClient(region).send(new ListCommandsCommand({ CommandId: commandId }));
    return out.Commands?.[0];
  } catch (err) {
    throw toAwsError(err, { service: 'ssm', operation: 'ListCommands', region });
  }
}

/**
 * Commands of a region matching the filters (newest first, 50 a page), at most `maxPages` pages; `instanceId` narrows
 * to the commands sent to one node.
 */
export async function listCommands(
  region: string,
  filters: CommandFilter[],
  opts: { maxPages?: number; instanceId?: string } = {},
): Promise<{ commands: Command[]; more: boolean }> {
  const ctx = { service: 'ssm', operation: 'ListCommands', region };
  const maxPages = opts.maxPages ?? LIMITS.maxPages;
  const out: Command[] = [];
  try {
    const pages = paginateListCommands(
      { client: ssmClient(region), pageSize: 50 },
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
