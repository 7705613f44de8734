/** Step 2: instance profile, its role's policies, and Default Host Management Configuration. Pure. */
import { consoleLinks, ev } from './links';
import type { NodeFacts } from './facts';
import { associateProfileFix, attachCorePolicyFix, profileRoleFix } from './fixes';
import { judgeRole } from './iam-policy';
import { versionAtLeast } from './version';
import { finding, outcome, stepResult, unchecked, type StepOutcome } from './step';

/** DHMC works only with this agent or later (and IMDSv2, which the API does not show). */
export const DHMC_MIN_AGENT = '3.2.582.0';
const DHMC_NEEDS = `it needs IMDSv2 and SSM Agent ${DHMC_MIN_AGENT} or later on the instance`;

/** The profile ARN the instance has (the association, else what DescribeInstances shows), or null; undefined: unknown. */
export function profileArnOf(f: Pick<NodeFacts, 'association' | 'instance'>): string | null | undefined {
  const assoc = f.association?.ok ? f.association.value : undefined;
  if (assoc && (assoc.state === 'associated' || assoc.state === 'associating')) return assoc.profileArn;
  if (f.instance?.ok && f.instance.value) return f.instance.value.profileArn;
  if (assoc !== undefined) return null;
  return undefined;
}

export function iamStep(f: NodeFacts): StepOutcome {
  const { row } = f;
  if (row.id.startsWith('mi-')) return outcome(stepResult('iam', 'skipped', 'Hybrid node: it uses its activation’s service role, not an instance profile.'));
  const arn = profileArnOf(f);
  if (arn === undefined) return unchecked('iam', 'the instance profile', f.association, f.instance);
  if (arn === null) return noProfile(f);
  const name = arn.split('/').pop() ?? arn;
  if (!f.profile?.ok) return unchecked('iam', `instance profile ${name}`, f.profile);
  const profile = f.profile.value;
  const profileEv = ev('Instance profile', name);
  if (!profile || !profile.role) {
    const sentence = profile
      ? `Instance profile ${name} has no role, so the agent gets no credentials.`
      : `Instance profile ${name} no longer exists in IAM, so the agent gets no credentials.`;
    const fixFor = (ids: string[]) => profileRoleFix(row.region, ids, name, !!profile, f.suggestedProfile);
    return outcome(stepResult('iam', 'fail', profile ? `Profile ${name} has no role.` : `Profile ${name} does not exist.`, [profileEv]), [
      finding('profile-without-role', 'high', sentence, [profileEv], fixFor([row.id]), fixFor),
    ]);
  }
  return roleCheck(f, name, profile.role.name);
}

function noProfile(f: NodeFacts): StepOutcome {
  const { row } = f;
  const evidence = [ev('Instance profile', 'none'), ev('Instance', row.id, consoleLinks.instance(row.region, row.id))];
  const fixFor = (ids: string[]) => associateProfileFix(row.region, ids, f.suggestedProfile);
  const cause = (confidence: 'high' | 'medium', why: string, more = evidence) =>
    finding('no-instance-profile', confidence, `The instance has no instance profile ${why}, so the agent has no credentials to register with.`, more, fixFor([row.id]), fixFor);
  if (!f.dhmc?.ok) {
    // Whether DHMC covers it is unknown: the step is unchecked, and the missing profile a less sure cause.
    const u = unchecked('iam', 'Default Host Management Configuration', f.dhmc);
    return outcome({ ...u.result, summary: `No instance profile. ${u.result.summary}`, evidence }, [cause('medium', 'and whether Default Host Management Configuration covers it could not be read')]);
  }
  const role = f.dhmc.value.roleName;
  if (!role) {
    return outcome(stepResult('iam', 'fail', 'No instance profile; DHMC is off.', evidence), [
      cause('high', `and Default Host Management Configuration is off in ${row.region}`, [...evidence, ev('Default Host Management', 'off')]),
    ]);
  }
  const dhmcEv = [...evidence, ev('DHMC role', role, consoleLinks.role(role))];
  if (!f.dhmcRole?.ok) {
    const u = unchecked('iam', `the DHMC role ${role}`, f.dhmcRole);
    return outcome({ ...u.result, summary: `No instance profile; DHMC names role ${role}. ${u.result.summary}`, evidence: dhmcEv });
  }
  const v = judgeRole(f.dhmcRole.value);
  if (v.verdict === 'missing') {
    return outcome(stepResult('iam', 'fail', `No instance profile; the DHMC role ${role} lacks the agent's permissions.`, dhmcEv), [
      cause('high', `and the Default Host Management role ${role} lacks the agent's actions (${v.missing.join(', ')})`, dhmcEv),
    ]);
  }
  const old = row.agentVersion && !versionAtLeast(row.agentVersion, DHMC_MIN_AGENT);
  if (old) {
    return outcome(stepResult('iam', 'fail', `No instance profile; DHMC needs agent ${DHMC_MIN_AGENT} or later, the node runs ${row.agentVersion}.`, dhmcEv), [
      cause('high', `and its agent ${row.agentVersion} is too old for Default Host Management Configuration (${DHMC_MIN_AGENT} or later)`, [...dhmcEv, ev('Agent version', row.agentVersion ?? '')]),
    ]);
  }
  const caveat = v.verdict === 'unknown' ? ` (its policies ${v.unread.join(', ')} were not read)` : '';
  return outcome(stepResult('iam', v.verdict === 'unknown' ? 'warn' : 'pass', `No instance profile, but Default Host Management Configuration is on in ${row.region} (role ${role}${caveat}) and covers it; ${DHMC_NEEDS}.`, dhmcEv));
}

function roleCheck(f: NodeFacts, profile: string, roleName: string): StepOutcome {
  if (!f.role?.ok || !f.role.value) return unchecked('iam', `role ${roleName}`, f.role);
  const role = f.role.value;
  const v = judgeRole(role);
  const evidence = [
    ev('Instance profile', profile),
    ev('Role', roleName, consoleLinks.role(roleName)),
    ev('Attached policies', role.attached.map((p) => p.name).join(', ') || 'none'),
    ...(role.inline.ok ? [ev('Inline policies', role.inline.value.map((p) => p.name).join(', ') || 'none')] : []),
  ];
  if (v.verdict === 'covered') {
    return outcome(stepResult('iam', v.note ? 'warn' : 'pass', `Role ${roleName} has ${v.coveredBy}.${v.note ? ` ${v.note}` : ''}`, evidence));
  }
  const missing = ev('Actions not granted', v.missing.join(', '));
  const fix = attachCorePolicyFix([roleName]);
  if (v.verdict === 'missing') {
    const sentence = `Role ${roleName} (profile ${profile}) has neither AmazonSSMManagedInstanceCore nor the agent's minimum actions, so the agent cannot register.`;
    return outcome(stepResult('iam', 'fail', `Role ${roleName} lacks the agent's permissions.`, [...evidence, missing]), [
      finding('role-missing-ssm-permissions', 'high', sentence, [...evidence, missing], fix),
    ]);
  }
  const denied = f.role.value.inline.ok ? [] : unchecked('iam', '', f.role.value.inline).result.missingPermissions;
  const sentence = `Role ${roleName} (profile ${profile}) has no AmazonSSMManagedInstanceCore; ${v.unread.join(', ')} were not read and may grant the agent's actions.`;
  const result = stepResult('iam', denied.length ? 'unchecked' : 'warn', `Role ${roleName} has no AmazonSSMManagedInstanceCore; not read: ${v.unread.join(', ')}.`, [...evidence, missing], denied);
  return outcome(result, [finding('role-missing-ssm-permissions', 'medium', sentence, [...evidence, missing], fix)]);
}
