/** The AWS accounts the simulated AWS serves: what a test or the standalone server configures. */

export type AccountStatus = 'ACTIVE' | 'SUSPENDED';

export interface MockAccountSpec {
  /** 12 digits. */
  id: string;
  name: string;
  regions: string[];
  nodes: number;
  /** Fleet seed (default: the base seed + the account's index x 7919, so fleets differ). */
  seed?: number;
  /** Organizations' account email (default aws+<name>@example.com). */
  email?: string;
  /** Default ACTIVE. A SUSPENDED account is listed by Organizations but has no fleet and cannot be assumed. */
  status?: AccountStatus;
  /** Default true (false when SUSPENDED). false: listed and ACTIVE, but every AssumeRole into it is AccessDenied (a broken trust policy). */
  assumable?: boolean;
  /** The organization's management account (the long-term `demo` user lives there); default: the first account. */
  management?: boolean;
  /** When set, AssumeRole into this account must pass exactly this ExternalId (else AccessDenied). */
  requireExternalId?: string;
}

/** A spec with its defaults filled in (what GET /__mock/accounts and `mock.accounts` show). */
export type ResolvedAccountSpec = Required<Omit<MockAccountSpec, 'requireExternalId'>> & Pick<MockAccountSpec, 'requireExternalId'>;

/** Roles every assumable account has (AssumeRole accepts any other role name too, so other configs work). */
export const DASHBOARD_ROLES = ['SsmFleetDashboardReadOnly', 'SsmFleetDashboardOperator'] as const;

/** The long-term user every key not issued by the simulated STS belongs to (in the management account). */
export const DEMO_USER = 'demo';

/** The most nodes all accounts together may have. */
export const MAX_TOTAL_NODES = 200_000;

/** A session of a role whose name says ReadOnly may only read (Describe/List/Get). */
export const isReadOnlyRole = (roleName: string): boolean => roleName.includes('ReadOnly');

/** Operations that change something (everything that is not a read), for read-only sessions. */
export const isMutatingOperation = (operation: string): boolean => !/^(Describe|List|Get|BatchGet|Search)/.test(operation);

export const userArn = (account: string, user = DEMO_USER): string => `arn:aws:iam::${account}:user/${user}`;
export const roleArn = (account: string, roleName: string): string => `arn:aws:iam::${account}:role/${roleName}`;
export const assumedRoleArn = (account: string, roleName: string, sessionName: string): string =>
  `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
