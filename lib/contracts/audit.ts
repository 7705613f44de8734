import { z } from 'zod';

export const AUDIT_STATUSES = ['requested', 'succeeded', 'partial', 'failed', 'refused'] as const;

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  actorSource: string;
  action: string;
  status: (typeof AUDIT_STATUSES)[number];
  runId: string | null;
  regions: string[];
  targetSummary: string;
  targetCount: number;
  targets: string[];
  parameters: Record<string, unknown>;
  commandIds: string[];
  idempotencyKey: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  finishedAt: string | null;
  /** What it did on the fleet once it ended (runs: the run's status), null until known. */
  outcome: string | null;
  outcomeDetail: string | null;
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date or time (ISO 8601)');

export const AuditQuerySchema = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  runId: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
