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
  /** The AWS accounts the action touched (empty: the dashboard's own account, without an accounts file). */
  accounts: string[];
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
  /** Refused attempts: the method and path asked for, the body's size in bytes and its SHA-256 (never the body). */
  route: string | null;
  bodyBytes: number | null;
  bodySha256: string | null;
}

/** One page of the audit log, newest first; `nextCursor` asks for the next (older) page, null on the last. */
export interface AuditPage {
  records: AuditRecord[];
  total: number;
  nextCursor: string | null;
}

/** The most records one JSON page holds; CSV streams every matching record in pages of this size. */
export const AUDIT_PAGE_LIMIT = 200;
export const AUDIT_DEFAULT_PAGE = 100;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date or time (ISO 8601)');

export const AuditQuerySchema = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  runId: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  /** Records older than this cursor (from the previous page's `nextCursor`). */
  cursor: z.string().regex(/^\d{1,15}$/, 'must be the nextCursor of a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_LIMIT, `at most ${AUDIT_PAGE_LIMIT} records a page; follow nextCursor for more, or use format=csv`).default(AUDIT_DEFAULT_PAGE),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
