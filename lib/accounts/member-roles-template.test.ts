/**
 * The IAM permissions are written down three times: README.md's "IAM permissions" section (three json policy blocks:
 * read-only role, what the operator role adds, the base identity), deploy/member-roles.yaml (the member-account roles)
 * and, implicitly, the AWS calls under lib/aws/{ssm,ec2,iam}. This test keeps them equal, so neither the README nor
 * the template can fall behind the code. (lib/aws/sts and lib/aws/organizations are the base identity's: its block
 * is checked by shape only.)
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

// ---------- README ----------

function iamSection(): string {
  const readme = read('README.md');
  const start = readme.search(/^### IAM permissions\b.*$/m);
  if (start < 0) throw new Error('README.md has no "### IAM permissions" section');
  const bodyStart = readme.indexOf('\n', start) + 1;
  const next = readme.slice(bodyStart).search(/^#{1,3} /m);
  return next < 0 ? readme.slice(start) : readme.slice(start, bodyStart + next);
}

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Condition?: unknown;
  Principal?: unknown;
}

function statementsOf(policy: unknown, where: string): Statement[] {
  const s = (policy as { Statement?: unknown })?.Statement;
  if (!s) throw new Error(`${where}: no Statement`);
  return (Array.isArray(s) ? s : [s]) as Statement[];
}

/** Every action a policy allows, in order, duplicates kept (so they can be reported). Refuses Deny and NotAction. */
function actionsOf(policy: unknown, where: string): string[] {
  const out: string[] = [];
  for (const st of statementsOf(policy, where)) {
    if (st.Effect !== 'Allow') throw new Error(`${where}: a statement with Effect ${JSON.stringify(st.Effect)} (only Allow is expected)`);
    if (st.NotAction !== undefined) throw new Error(`${where}: NotAction is not allowed`);
    const a = st.Action;
    const list = typeof a === 'string' ? [a] : Array.isArray(a) ? a : null;
    if (!list || list.some((x) => typeof x !== 'string')) throw new Error(`${where}: Action must be a string or a list of strings`);
    out.push(...(list as string[]));
  }
  return out;
}

const sectionText = iamSection();
const jsonBlocks = [...sectionText.matchAll(/^```json\s*\n([\s\S]*?)^```\s*$/gm)].map((m, i) => {
  try {
    return JSON.parse(m[1]) as unknown;
  } catch (err) {
    throw new Error(`README IAM section: json block ${i + 1} does not parse: ${(err as Error).message}`);
  }
});
const [readOnlyPolicy, operatorPolicy, basePolicy] = jsonBlocks;
const readmeReadOnly = actionsOf(readOnlyPolicy, 'README read-only block');
const readmeOperatorAdds = actionsOf(operatorPolicy, 'README operator block');
const readmeBase = actionsOf(basePolicy, 'README base-identity block');
const readmeMember = new Set([...readmeReadOnly, ...readmeOperatorAdds]);

// ---------- template ----------

const templateText = read('deploy/member-roles.yaml');
const templateDoc = parseDocument(templateText);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const template = templateDoc.toJS() as any;

function roleActions(logicalId: string): string[] {
  const role = template?.Resources?.[logicalId];
  if (!role) throw new Error(`deploy/member-roles.yaml: no resource ${logicalId}`);
  const policies = (role.Properties?.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[];
  if (role.Properties?.ManagedPolicyArns) throw new Error(`${logicalId}: ManagedPolicyArns would grant actions this test cannot see`);
  return policies.flatMap((p) => actionsOf(p.PolicyDocument, `${logicalId} policy ${p.PolicyName}`));
}

// ---------- code ----------

interface CodeOp {
  action: string; // service:Operation
  file: string;
  mutating: boolean;
}

const SCANNED = ['ssm', 'ec2', 'iam'] as const;
const READ_VERB = /^(Describe|Get|List)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function codeOperations(): CodeOp[] {
  const ops: CodeOp[] = [];
  for (const service of SCANNED) {
    for (const file of sourceFiles(path.join('lib/aws', service))) {
      const src = stripComments(read(file));
      // A file that sends through the single-attempt client (ssmClient(region, 'mutate')) makes changes.
      const viaMutateClient = /Client\([^)]*['"]mutate['"]/.test(src);
      const names = [
        ...[...src.matchAll(/\bnew\s+([A-Z][A-Za-z0-9]*)Command\s*\(/g)].map((m) => m[1]),
        ...[...src.matchAll(/\bpaginate([A-Z][A-Za-z0-9]*)\s*\(/g)].map((m) => m[1]),
      ];
      for (const name of names) ops.push({ action: `${service}:${name}`, file, mutating: viaMutateClient || !READ_VERB.test(name) });
    }
  }
  return ops;
}

const ops = codeOperations();
const codeActions = new Set(ops.map((o) => o.action));
const mutatingActions = new Set(ops.filter((o) => o.mutating).map((o) => o.action));
const where = (action: string) => `${action} (${[...new Set(ops.filter((o) => o.action === action).map((o) => o.file))].join(', ')})`;

const duplicates = (list: string[]) => [...new Set(list.filter((a, i) => list.indexOf(a) !== i))];
const minus = (a: Iterable<string>, b: Set<string>) => [...new Set(a)].filter((x) => !b.has(x)).sort();
const WELL_FORMED = /^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/;

/** Fails naming every offending item in the message itself (vitest abbreviates long arrays in the headline). */
function expectNone(items: string[], problem: string): void {
  expect(items, items.length ? `${problem}: ${items.join(', ')}` : problem).toEqual([]);
}

// ---------- tests ----------

describe('README IAM section', () => {
  it('has exactly three json policy blocks: read-only role, operator adds, base identity', () => {
    expect(jsonBlocks.length, 'README IAM section: expected exactly 3 ```json blocks').toBe(3);
  });

  it('names every action exactly once, without wildcards', () => {
    for (const [name, list] of [['read-only', readmeReadOnly], ['operator', readmeOperatorAdds], ['base identity', readmeBase]] as const) {
      expect(list.length, `README ${name} block is empty`).toBeGreaterThan(0);
      expectNone(duplicates(list), `README ${name} block lists these more than once`);
      expectNone(list.filter((a) => !WELL_FORMED.test(a)), `README ${name} block: wildcard or malformed actions`);
    }
  });

  it('keeps the operator block apart from the read-only block, and only reads in the read-only block', () => {
    expectNone(readmeOperatorAdds.filter((a) => readmeReadOnly.includes(a)), 'in both the read-only and the operator block');
    expectNone(readmeReadOnly.filter((a) => !READ_VERB.test(a.split(':')[1])), 'non-read actions in the read-only block');
  });

  it('gives the base identity only sts:AssumeRole on the member roles, organizations:ListAccounts and sts:GetCallerIdentity', () => {
    expect([...readmeBase].sort()).toEqual(['organizations:ListAccounts', 'sts:AssumeRole', 'sts:GetCallerIdentity']);
    const assume = statementsOf(basePolicy, 'README base block').filter((s) => JSON.stringify(s.Action).includes('sts:AssumeRole'));
    expect(assume.map((s) => s.Resource)).toEqual(['arn:aws:iam::*:role/SsmFleetDashboard*']);
    expect(assume.map((s) => s.Action)).toEqual([['sts:AssumeRole']]);
  });

  it('mentions in its prose only actions that are in its blocks (instance-profile actions aside)', () => {
    const prose = sectionText.replace(/^```[\s\S]*?^```\s*$/gm, '');
    const mentioned = [...prose.matchAll(/\b(ssm|ec2|iam|sts|organizations):[A-Z][A-Za-z0-9]*/g)].map((m) => m[0]);
    const all = new Set([...readmeMember, ...readmeBase]);
    expectNone(minus(mentioned, all), 'README prose names actions that no block lists');
  });
});

describe('README against the code (lib/aws/ssm, ec2, iam)', () => {
  it('finds the AWS calls (the scan works)', () => {
    expect(codeActions.size).toBeGreaterThan(30);
    expect(codeActions.has('ssm:SendCommand')).toBe(true);
    expect(codeActions.has('ssm:DescribeInstanceInformation')).toBe(true);
    expect(mutatingActions.has('ssm:SendCommand')).toBe(true);
    expect(mutatingActions.has('ssm:DescribeInstanceInformation')).toBe(false);
  });

  it('lists every operation the code calls (the operator role has them all)', () => {
    const missing = minus(codeActions, readmeMember).map(where);
    expectNone(missing, 'the code calls these, but README.md (IAM permissions) does not list them');
  });

  it('lists every read the code makes in the read-only block', () => {
    const reads = [...codeActions].filter((a) => !mutatingActions.has(a));
    expectNone(minus(reads, new Set(readmeReadOnly)).map(where), 'reads missing from the README read-only block');
  });

  it('keeps every mutating operation out of the read-only block, and in the operator block', () => {
    expectNone([...mutatingActions].filter((a) => readmeReadOnly.includes(a)).map(where), 'mutating operations in the README read-only block');
    expectNone(minus(mutatingActions, new Set(readmeOperatorAdds)).map(where), 'mutating operations missing from the README operator block');
  });

  it('lists no ssm/ec2/iam action the code does not call', () => {
    const scanned = [...readmeMember].filter((a) => (SCANNED as readonly string[]).includes(a.split(':')[0]));
    expectNone(minus(scanned, codeActions), 'README lists these, but no code under lib/aws/{ssm,ec2,iam} calls them');
    expectNone([...readmeMember].filter((a) => !(SCANNED as readonly string[]).includes(a.split(':')[0])), 'member-role actions outside ssm/ec2/iam');
  });
});

describe('deploy/member-roles.yaml', () => {
  it('is plain YAML: no parse errors, no short-form intrinsic tags', () => {
    expectNone(templateDoc.errors.map((e) => e.message), 'YAML errors');
    expectNone(templateDoc.warnings.map((e) => e.message), 'YAML warnings (an unknown tag such as !Sub?)');
    const tags = templateText.split('\n').filter((l) => !/^\s*#/.test(l) && /(^|[\s:[,-])!(Ref|Sub|GetAtt|If|Equals|Not|And|Or|Join|Select|Split|FindInMap|Base64|Cidr|ImportValue|GetAZs|Condition|Transform)\b/.test(l));
    expectNone(tags, 'short-form tags (use Fn::… / Ref maps)');
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(typeof template.Description).toBe('string');
  });

  it('has the parameters and defaults the README and deploy/README.md describe', () => {
    const p = template.Parameters;
    expect(Object.keys(p).sort()).toEqual(['CreateOperatorRole', 'DashboardPrincipalArn', 'ExternalId', 'MaxSessionDuration', 'OperatorRoleName', 'ReadOnlyRoleName']);
    expect(p.DashboardPrincipalArn.Default).toBeUndefined();
    expect(p.ExternalId.Default).toBe('');
    expect(p.ReadOnlyRoleName.Default).toBe('SsmFleetDashboardReadOnly');
    expect(p.OperatorRoleName.Default).toBe('SsmFleetDashboardOperator');
    expect(p.CreateOperatorRole.Default).toBe('true');
    expect(p.CreateOperatorRole.AllowedValues).toEqual(['true', 'false']);
    expect(p.MaxSessionDuration.Default).toBe(3600);
    // The README's base identity may assume arn:aws:iam::*:role/SsmFleetDashboard*: the default names must match it.
    for (const name of [p.ReadOnlyRoleName.Default, p.OperatorRoleName.Default]) expect(name.startsWith('SsmFleetDashboard')).toBe(true);
  });

  it("gives the read-only role exactly the README's read-only actions", () => {
    const actions = roleActions('ReadOnlyRole');
    expectNone(duplicates(actions), 'ReadOnlyRole lists these more than once');
    expectNone(minus(readmeReadOnly, new Set(actions)), "README read-only actions missing from ReadOnlyRole");
    expectNone(minus(actions, new Set(readmeReadOnly)), 'ReadOnlyRole actions not in the README read-only block');
  });

  it('gives the operator role exactly the read-only actions plus the operator actions', () => {
    const actions = roleActions('OperatorRole');
    expectNone(duplicates(actions), 'OperatorRole lists these more than once');
    expectNone(minus(readmeMember, new Set(actions)), 'README read-only/operator actions missing from OperatorRole');
    expectNone(minus(actions, readmeMember), 'OperatorRole actions in neither README block');
  });

  it('has no wildcard actions and allows every code operation to the operator role', () => {
    const all = [...roleActions('ReadOnlyRole'), ...roleActions('OperatorRole')];
    expectNone(all.filter((a) => !WELL_FORMED.test(a)), 'wildcard or malformed actions');
    expectNone(minus(codeActions, new Set(roleActions('OperatorRole'))).map(where), 'the code calls these, OperatorRole does not allow them');
    expectNone([...mutatingActions].filter((a) => roleActions('ReadOnlyRole').includes(a)), 'mutating operations allowed to ReadOnlyRole');
  });

  it('lets only DashboardPrincipalArn assume either role (sts:AssumeRole), requiring the external ID only when it is set', () => {
    expect(template.Conditions.HasExternalId).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'ExternalId' }, ''] }] });
    for (const id of ['ReadOnlyRole', 'OperatorRole']) {
      const trust = statementsOf(template.Resources[id].Properties.AssumeRolePolicyDocument, `${id} trust policy`);
      expect(trust, `${id}: one trust statement`).toHaveLength(1);
      const [st] = trust;
      expect(st.Effect).toBe('Allow');
      expect(st.Principal).toEqual({ AWS: { Ref: 'DashboardPrincipalArn' } });
      expect([st.Action].flat()).toEqual(['sts:AssumeRole']);
      expect(st.Condition).toEqual({
        'Fn::If': ['HasExternalId', { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } }, { Ref: 'AWS::NoValue' }],
      });
      expect(template.Resources[id].Properties.RoleName).toEqual({ Ref: id === 'ReadOnlyRole' ? 'ReadOnlyRoleName' : 'OperatorRoleName' });
      expect(template.Resources[id].Properties.MaxSessionDuration).toEqual({ Ref: 'MaxSessionDuration' });
    }
  });

  it('creates the operator role only when CreateOperatorRole is true, and outputs both ARNs', () => {
    expect(template.Conditions.CreateOperator).toEqual({ 'Fn::Equals': [{ Ref: 'CreateOperatorRole' }, 'true'] });
    expect(template.Resources.ReadOnlyRole.Condition).toBeUndefined();
    expect(template.Resources.OperatorRole.Condition).toBe('CreateOperator');
    expect(template.Outputs.ReadOnlyRoleArn.Value).toEqual({ 'Fn::GetAtt': ['ReadOnlyRole', 'Arn'] });
    expect(template.Outputs.OperatorRoleArn.Value).toEqual({ 'Fn::GetAtt': ['OperatorRole', 'Arn'] });
    expect(template.Outputs.OperatorRoleArn.Condition).toBe('CreateOperator');
    expect(Object.keys(template.Resources).sort()).toEqual(['OperatorRole', 'ReadOnlyRole']);
  });
});
