import { randomBytes } from 'node:crypto';

/**
 * This server process. Work recorded as in flight by another process (a run being sent, an idempotency key being
 * processed) was orphaned by a crash or restart: nothing will finish it but reconciliation.
 */
const g = globalThis as unknown as { __bootId?: string };
export const BOOT_ID = (g.__bootId ??= `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
