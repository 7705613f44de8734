import 'server-only';
import { actionSettings, type ActionSettings } from './settings';

export interface Actor {
  id: string;
  role: 'viewer' | 'operator';
  /** How we know who this is. */
  source: 'demo' | 'proxy-header' | 'anonymous';
  groups: string[];
}

/**
 * Who is asking, from the trusted proxy header; anonymous viewers when no identity is configured or sent. Demo mode's
 * built-in operator exists only while every AWS call goes to a loopback (simulated) endpoint: pointed anywhere else,
 * DEMO_MODE grants nothing (and the server refuses to start, see instrumentation.ts).
 */
export function resolveActor(headers: Headers, s: ActionSettings = actionSettings()): Actor {
  if (s.demo && !s.demoProblem) return { id: 'demo-operator', role: 'operator', source: 'demo', groups: [] };
  const user = s.userHeader ? headers.get(s.userHeader)?.trim() : undefined;
  if (!user) return { id: 'anonymous', role: 'viewer', source: 'anonymous', groups: [] };
  const groups = s.groupsHeader ? (headers.get(s.groupsHeader) ?? '').split(',').map((g) => g.trim()).filter(Boolean) : [];
  const operator = s.operatorUsers.has(user) || groups.some((g) => s.operatorGroups.has(g));
  return { id: user, role: operator ? 'operator' : 'viewer', source: 'proxy-header', groups };
}

/** Why this actor may not change the fleet, or null when they may. */
export function refusalReason(actor: Actor, s: ActionSettings = actionSettings()): { code: string; message: string } | null {
  if (!s.operatorMode) {
    return { code: 'ReadOnlyMode', message: 'The dashboard runs read-only. An administrator enables actions with DASHBOARD_MODE=operator.' };
  }
  if (actor.source === 'anonymous' && s.demo && s.demoProblem) return { code: 'DemoModeRefused', message: s.demoProblem };
  if (actor.source === 'anonymous') {
    return {
      code: 'NoIdentity',
      message: s.userHeader
        ? `No identity in the ${s.userHeader} header: actions need a signed-in user from the authenticating proxy.`
        : 'Actions need to know who acts: configure AUTH_USER_HEADER (set by your authenticating proxy) and OPERATOR_USERS or OPERATOR_GROUPS.',
    };
  }
  if (actor.role !== 'operator') {
    return { code: 'NotOperator', message: `${actor.id} may view but not act: not in OPERATOR_USERS or OPERATOR_GROUPS.` };
  }
  return null;
}
