/**
 * Temporary credentials issued by the simulated STS (AssumeRole). Expiry is wall-clock time (Date.now()), not the
 * simulated clock: the SDK refreshes credentials by real time, and speeding the fleet up must not log callers out.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface RoleSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  account: string;
  roleName: string;
  sessionName: string;
  /** AROA... (the role's unique ID; AssumedRoleId is `<roleId>:<sessionName>`). */
  roleId: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Access key IDs of temporary credentials: ASIA + 16 uppercase letters and digits (as AWS issues them). */
export const SESSION_KEY = /^ASIA[A-Z0-9]{16}$/;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `length` characters of [A-Z2-7] from `bytes` (base32's alphabet: uppercase alphanumerics). */
function upper(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += UPPER[bytes[i % bytes.length] % 32];
  return out;
}

/** A stable unique ID with an IAM prefix (AIDA user, AROA role): the same account and name give the same ID. */
export function stableId(prefix: string, ...parts: string[]): string {
  return prefix + upper(createHash('sha256').update(parts.join('\0')).digest(), 17);
}

export interface SessionStore {
  issue(input: { account: string; roleName: string; sessionName: string; durationSeconds: number }): RoleSession;
  get(accessKeyId: string): RoleSession | undefined;
  /** Every issued key expires now (POST /__mock/sts/expire); returns how many were still valid. */
  expireAll(): number;
  readonly size: number;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, RoleSession>();
  return {
    issue({ account, roleName, sessionName, durationSeconds }) {
      let accessKeyId: string;
      do accessKeyId = `ASIA${upper(randomBytes(16), 16)}`;
      while (sessions.has(accessKeyId));
      const session: RoleSession = {
        accessKeyId,
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(180).toString('base64')}`,
        account,
        roleName,
        sessionName,
        roleId: stableId('AROA', account, roleName),
        expiresAt: Date.now() + durationSeconds * 1000,
      };
      sessions.set(accessKeyId, session);
      return session;
    },
    get: (accessKeyId) => sessions.get(accessKeyId),
    expireAll() {
      const now = Date.now();
      let n = 0;
      for (const s of sessions.values()) {
        if (s.expiresAt > now) n++;
        s.expiresAt = Math.min(s.expiresAt, now);
      }
      return n;
    },
    get size() {
      return sessions.size;
    },
  };
}
