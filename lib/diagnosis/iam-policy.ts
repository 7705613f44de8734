/**
 * Does a role let the SSM Agent work? From the names of its attached managed policies (AWS's are known by ARN) and,
 * when they could be read, its inline policy documents. Pure. Conditions, resources and permission boundaries are
 * not evaluated: the check is the agent's minimum set of actions.
 */
import type { RoleFact } from './facts';

/** What the agent calls: registration and pings, Session Manager's channels, Run Command's message queue. */
export const REQUIRED_ACTIONS = [
  'ssm:UpdateInstanceInformation',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  'ec2messages:AcknowledgeMessage',
  'ec2messages:DeleteMessage',
  'ec2messages:FailMessage',
  'ec2messages:GetEndpoint',
  'ec2messages:GetMessages',
  'ec2messages:SendReply',
] as const;

/** AWS managed policies that grant all of REQUIRED_ACTIONS. */
const COVERING = new Map<string, string | null>([
  ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', null],
  ['arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy', null],
  ['arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM', 'AmazonEC2RoleforSSM is deprecated: replace it with AmazonSSMManagedInstanceCore.'],
  ['arn:aws:iam::aws:policy/AdministratorAccess', null],
]);

export interface RoleVerdict {
  verdict: 'covered' | 'missing' | 'unknown';
  /** The policy that grants the actions. */
  coveredBy: string | null;
  /** Required actions no read policy allows. */
  missing: string[];
  /** Policies whose content was not read (customer managed, or inline when they could not be read). */
  unread: string[];
  note: string | null;
}

const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, 'i');

/** The action patterns a policy document allows (Allow statements with Action; NotAction and Deny are not used). */
export function allowedActionPatterns(document: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return [];
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  return list.flatMap((s: { Effect?: string; Action?: string | string[] }) =>
    s?.Effect === 'Allow' && s.Action ? (Array.isArray(s.Action) ? s.Action : [s.Action]) : [],
  );
}

export function actionsNotAllowed(patterns: string[]): string[] {
  const res = patterns.map(glob);
  return REQUIRED_ACTIONS.filter((a) => !res.some((r) => r.test(a)));
}

/** A role is judged once per fact object (the fleet view judges the same few roles for many nodes). */
const judged = new WeakMap<RoleFact, RoleVerdict>();

export function judgeRole(role: RoleFact): RoleVerdict {
  let v = judged.get(role);
  if (!v) judged.set(role, (v = judge(role)));
  return v;
}

function judge(role: RoleFact): RoleVerdict {
  const covering = role.attached.find((p) => COVERING.has(p.arn));
  if (covering) return { verdict: 'covered', coveredBy: covering.name, missing: [], unread: [], note: COVERING.get(covering.arn) ?? null };
  const customer = role.attached.filter((p) => !p.arn.startsWith('arn:aws:iam::aws:policy/')).map((p) => p.name);
  const inline = role.inline.ok ? role.inline.value : [];
  const missing = actionsNotAllowed(inline.flatMap((p) => (p.document ? allowedActionPatterns(p.document) : [])));
  if (!missing.length) return { verdict: 'covered', coveredBy: `the agent's minimum actions in its inline policies (${inline.map((p) => p.name).join(', ')})`, missing, unread: [], note: null };
  const unread = [...customer, ...(role.inline.ok ? [] : ['inline policies'])];
  return { verdict: unread.length ? 'unknown' : 'missing', coveredBy: null, missing, unread, note: null };
}
