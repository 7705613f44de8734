import 'server-only';

/**
 * Who may change the fleet. Read-only unless DASHBOARD_MODE=operator. Identities come from an authenticating proxy
 * in front of the dashboard (AUTH_USER_HEADER, AUTH_GROUPS_HEADER); OPERATOR_USERS and OPERATOR_GROUPS name who may act.
 * Demo mode acts as a built-in demo operator, but only while every AWS call goes to a simulated AWS on this machine.
 */
export interface ActionSettings {
  operatorMode: boolean;
  /** DEMO_MODE asked for (whether it is allowed: `demoProblem`). */
  demo: boolean;
  /** Why demo identity is refused (AWS calls could reach something other than a loopback endpoint), or null. */
  demoProblem: string | null;
  userHeader: string | null;
  groupsHeader: string | null;
  operatorUsers: Set<string>;
  operatorGroups: Set<string>;
  /**
   * The dashboard sits behind a proxy that sets X-Forwarded-Host/-Proto (TRUST_FORWARDED_HEADERS=true): only then does
   * the Origin check believe them. Otherwise any client could send them.
   */
  trustForwardedHeaders: boolean;
  /** Audit records older than this many days are deleted (AUDIT_RETENTION_DAYS; 0 keeps them forever). */
  auditRetentionDays: number;
}

const list = (v: string | undefined) => new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const flag = (v: string | undefined) => v === '1' || v?.toLowerCase() === 'true';

export const DEFAULT_AUDIT_RETENTION_DAYS = 400;

const retentionValid = (v: string | undefined) => v === undefined || v.trim() === '' || /^\d+$/.test(v.trim());
const retentionDays = (v: string | undefined) => (v && v.trim() && retentionValid(v) ? Number(v) : DEFAULT_AUDIT_RETENTION_DAYS);

/** 127.0.0.0/8, ::1 and localhost: the hosts that cannot be another machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return !!v4 && v4.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Why demo identity may not be used here, or null. Demo mode makes every caller an operator, which is only harmless
 * while the "fleet" is the simulated one: AWS_ENDPOINT_URL must name a loopback host, and so must every service-specific
 * override (AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_EC2, ...) the SDK could read.
 */
export function demoEndpointProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const main = env.AWS_ENDPOINT_URL;
  if (!main) {
    return 'DEMO_MODE makes every caller an operator, so it needs every AWS call to go to the simulated AWS on this machine, but AWS_ENDPOINT_URL is not set (AWS calls would reach real AWS). Set AWS_ENDPOINT_URL=http://127.0.0.1:<port> (npm run demo does) or unset DEMO_MODE.';
  }
  const named = Object.keys(env).filter((k) => k.startsWith('AWS_ENDPOINT_URL') && env[k]).sort();
  for (const name of named) {
    const value = env[name]!;
    let host: string;
    try {
      host = new URL(value).hostname;
    } catch {
      return `DEMO_MODE needs every AWS call to go to a simulated AWS on this machine, but ${name}="${value}" is not a URL.`;
    }
    if (!isLoopbackHost(host)) {
      return `DEMO_MODE makes every caller an operator, so it is only allowed while every AWS call goes to a simulated AWS on this machine (127.0.0.1, ::1 or localhost), but ${name} points at ${host}. Unset DEMO_MODE to use that endpoint, with AUTH_USER_HEADER and OPERATOR_USERS/OPERATOR_GROUPS for identities.`;
    }
  }
  return null;
}

export function actionSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const demo = flag(env.DEMO_MODE);
  return {
    operatorMode: (env.DASHBOARD_MODE ?? 'read-only').toLowerCase() === 'operator',
    demo,
    demoProblem: demo ? demoEndpointProblem(env) : null,
    userHeader: env.AUTH_USER_HEADER?.toLowerCase() || null,
    groupsHeader: env.AUTH_GROUPS_HEADER?.toLowerCase() || null,
    operatorUsers: list(env.OPERATOR_USERS),
    operatorGroups: list(env.OPERATOR_GROUPS),
    trustForwardedHeaders: flag(env.TRUST_FORWARDED_HEADERS),
    auditRetentionDays: retentionDays(env.AUDIT_RETENTION_DAYS),
  };
}

/** Checked once at server start (instrumentation.ts): a setting the server must not run with, and why. */
export function startupProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!retentionValid(env.AUDIT_RETENTION_DAYS)) {
    return `AUDIT_RETENTION_DAYS must be a whole number of days (0 keeps the audit log forever), not "${env.AUDIT_RETENTION_DAYS}".`;
  }
  return actionSettings(env).demoProblem;
}
