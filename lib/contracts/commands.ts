import { z } from 'zod';
import { COMMAND_STATUS_IDS, type CommandStatus } from './command-status';
import { DocumentNameSchema } from './documents';
import { NodeIdSchema } from './node';
import type { CommandHistoryItem } from './run';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date or time (ISO 8601)');

/** GET /api/commands: the fleet's command history, filtered. */
export const CommandsQuerySchema = z.object({
  document: DocumentNameSchema.optional(),
  status: z.enum(COMMAND_STATUS_IDS as [CommandStatus, ...CommandStatus[]]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  actor: z.string().min(1).max(200).optional(),
  node: NodeIdSchema.optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region name').optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type CommandsQuery = z.infer<typeof CommandsQuerySchema>;

export interface CommandsResponse {
  commands: CommandHistoryItem[];
  /** Regions whose history could not be read (the list lacks their commands). */
  errors: { region: string; code: string; message: string }[];
  /** Regions with more commands in the window than were read. */
  truncated: string[];
  from: string;
  to: string;
}
