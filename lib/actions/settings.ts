import 'server-only';

/**
 * Who may change the fleet. Read-only unless DASHBOARD_MODE=operator. Identities come from an authenticating proxy
 * in front of the dashboard (AUTH_USER_HEADER, AUTH_GROUPS_HEADER); OPERATOR_USERS and OPERATOR_GROUPS name who may act.
 * Demo mode acts as a built-in demo operator.
 */
export interface ActionSettings {
  operatorMode: boolean;
  demo: boolean;
  userHeader: string | null;
  groupsHeader: string | null;
  operatorUsers: Set<string>;
  operatorGroups: Set<string>;
}

const list = (v: string | undefined) => new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export function actionSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  return {
    operatorMode: (env.DASHBOARD_MODE ?? 'read-only').toLowerCase() === 'operator',
    demo: env.DEMO_MODE === '1' || env.DEMO_MODE === 'true',
    userHeader: env.AUTH_USER_HEADER?.toLowerCase() || null,
    groupsHeader: env.AUTH_GROUPS_HEADER?.toLowerCase() || null,
    operatorUsers: list(env.OPERATOR_USERS),
    operatorGroups: list(env.OPERATOR_GROUPS),
  };
}
