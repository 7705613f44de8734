import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/**
 * The accounts file (ACCOUNTS_FILE): JSON or YAML (JSON is YAML, so one parser reads both and knows every line).
 * Either a list of accounts, each with the role to assume and its regions, or an Organizations mode that lists the
 * organization's active accounts and assumes a named role in each. Validated at start; every error names its line.
 */
const ACCOUNT_ID = z.string({ error: 'an account ID is 12 digits in quotes ("012345678901"): unquoted, YAML reads it as a number' }).regex(/^\d{12}$/, 'an account ID is 12 digits (quote it in YAML: "012345678901")');
const REGION = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'not an AWS region name like us-east-1');
const ROLE_ARN = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'a role ARN looks like arn:aws:iam::012345678901:role/Name');
const ROLE_NAME = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'a role name has 1-64 letters, digits or +=,.@_-');
const EXTERNAL_ID = z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, 'an external ID has 2-1224 letters, digits or +=,.@:/_-');
// STS accepts 900 s up to the role's maximum (at most 12 h).
const DURATION = z.number().int().min(900, 'at least 900 seconds').max(43_200, 'at most 43200 seconds (12 hours)');
const REGIONS = z.array(REGION).min(1, 'list at least one region');

const AccountSchema = z.strictObject({
  id: ACCOUNT_ID,
  name: z.string().trim().min(1, 'give the account a display name').max(64),
  roleArn: ROLE_ARN,
  operatorRoleArn: ROLE_ARN.optional(),
  externalId: EXTERNAL_ID.optional(),
  sessionDurationSeconds: DURATION.optional(),
  regions: REGIONS.optional(),
});

const OrganizationSchema = z.strictObject({
  roleName: ROLE_NAME,
  operatorRoleName: ROLE_NAME.optional(),
  externalId: EXTERNAL_ID.optional(),
  sessionDurationSeconds: DURATION.optional(),
  regions: REGIONS,
  include: z.array(ACCOUNT_ID).optional(),
  exclude: z.array(ACCOUNT_ID).optional(),
  /** Display names when the organization's own names are not wanted. */
  names: z.record(ACCOUNT_ID, z.string().min(1).max(64)).optional(),
});

const FileSchema = z
  .strictObject({
    /** Regions for accounts that list none. */
    regions: REGIONS.optional(),
    accounts: z.array(AccountSchema).min(1, 'list at least one account').optional(),
    organization: OrganizationSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.accounts === !f.organization) {
      ctx.addIssue({ code: 'custom', message: 'give either "accounts" (a list) or "organization" (Organizations mode), not both or neither', path: [] });
    }
    const seen = new Map<string, number>();
    f.accounts?.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', message: `account ${a.id} is listed twice (first at entry ${seen.get(a.id)! + 1})`, path: ['accounts', i, 'id'] });
      seen.set(a.id, i);
      if (!a.regions && !f.regions) ctx.addIssue({ code: 'custom', message: 'no regions: list them here or at the top level', path: ['accounts', i] });
      for (const [key, arn] of [['roleArn', a.roleArn], ['operatorRoleArn', a.operatorRoleArn]] as const) {
        if (arn && arn.split(':')[4] !== a.id) ctx.addIssue({ code: 'custom', message: `the role is in account ${arn.split(':')[4]}, not ${a.id}`, path: ['accounts', i, key] });
      }
    });
  });

/** One account as the dashboard reads it. */
export interface AccountEntry {
  id: string;
  name: string;
  roleArn: string;
  /** The role actions assume (Run Command, OpsItem edits); the read role when none is given. */
  operatorRoleArn: string;
  externalId?: string;
  sessionDurationSeconds: number;
  regions: string[];
}

export type AccountsConfig =
  | { mode: 'accounts'; accounts: AccountEntry[] }
  | {
      mode: 'organization';
      roleName: string;
      operatorRoleName: string;
      externalId?: string;
      sessionDurationSeconds: number;
      regions: string[];
      include?: string[];
      exclude?: string[];
      names: Record<string, string>;
    };

export class AccountsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'AccountsFileError';
  }
}

export const DEFAULT_SESSION_SECONDS = 3600;

/** Parses and validates the file's text; throws AccountsFileError whose problems each start with "line N". */
export function parseAccountsFile(text: string, file = 'accounts file'): AccountsConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length) throw new AccountsFileError(file, doc.errors.map((e) => `line ${lineOf(e.pos[0])}: ${e.message.split('\n')[0]}`));
  const parsed = FileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const lines: Array<[number, string]> = parsed.error.issues.map((issue) => {
        // The deepest node of the path that exists: a missing key is reported at its parent.
        let path = issue.path as (string | number)[];
        let node = doc.getIn(path, true);
        while (!isNode(node) && path.length) node = doc.getIn((path = path.slice(0, -1)), true);
        const line = isNode(node) && node.range ? lineOf(node.range[0]) : 1;
        const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
        return [line, `line ${line}${where}: ${issue.message}`];
      });
    throw new AccountsFileError(file, lines.sort((a, b) => a[0] - b[0]).map(([, text]) => text));
  }
  const f = parsed.data;
  if (f.organization) {
    const o = f.organization;
    return {
      mode: 'organization', roleName: o.roleName, operatorRoleName: o.operatorRoleName ?? o.roleName, externalId: o.externalId,
      sessionDurationSeconds: o.sessionDurationSeconds ?? DEFAULT_SESSION_SECONDS, regions: o.regions, include: o.include, exclude: o.exclude, names: o.names ?? {},
    };
  }
  return {
    mode: 'accounts',
    accounts: f.accounts!.map((a) => ({
      id: a.id, name: a.name, roleArn: a.roleArn, operatorRoleArn: a.operatorRoleArn ?? a.roleArn, externalId: a.externalId,
      sessionDurationSeconds: a.sessionDurationSeconds ?? DEFAULT_SESSION_SECONDS, regions: a.regions ?? f.regions!,
    })),
  };
}
