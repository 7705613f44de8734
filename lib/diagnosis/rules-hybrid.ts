/** Step 5: hybrid (mi-) nodes' activation: expired, or at its registration limit (DescribeActivations). Pure. */
import { consoleLinks, ev } from './links';
import type { NodeFacts } from './facts';
import { newActivationFix } from './fixes';
import { finding, outcome, stepResult, unchecked, type StepOutcome } from './step';

export function hybridStep(f: NodeFacts): StepOutcome {
  const { row } = f;
  if (!row.id.startsWith('mi-')) return outcome(stepResult('hybrid', 'skipped', 'Not a hybrid node.'));
  if (!f.activationId) return outcome(stepResult('hybrid', 'warn', 'Systems Manager shows no activation for this node.'));
  if (!f.activation?.ok) return unchecked('hybrid', `activation ${f.activationId}`, f.activation);
  const a = f.activation.value;
  const link = ev('Activation', f.activationId, consoleLinks.activations(row.region));
  if (!a) return outcome(stepResult('hybrid', 'warn', `Activation ${f.activationId} no longer exists: nodes registered with it keep working, but it registers no new ones.`, [link]));
  const evidence = [link, ev('Expires', a.expiresAt ?? 'unknown'), ev('Registrations', `${a.registrationsCount ?? '?'} of ${a.registrationLimit ?? '?'}`)];
  const full = a.registrationLimit !== null && a.registrationsCount !== null && a.registrationsCount >= a.registrationLimit;
  // Online nodes keep working with an expired or full activation: it only matters when a node must register again.
  if (row.ping === 'Online' || (!a.expired && !full)) {
    const state = a.expired ? 'expired (it matters only for new registrations)' : full ? 'at its registration limit (it matters only for new registrations)' : 'valid';
    return outcome(stepResult('hybrid', 'pass', `Activation ${a.id} is ${state}.`, evidence));
  }
  const fix = newActivationFix(row.region, a.iamRole, a.registrationLimit);
  const findings = [];
  if (a.expired) {
    findings.push(finding('activation-expired', 'medium', `Activation ${a.id} expired${a.expiresAt ? ` on ${a.expiresAt}` : ''}: the node cannot register again with it (after an agent reinstall, a reset registration or a new machine image).`, evidence, fix));
  }
  if (full) {
    findings.push(finding('activation-limit-reached', 'medium', `Activation ${a.id} has used all ${a.registrationLimit} of its registrations: no further node can register with it.`, evidence, fix));
  }
  return outcome(stepResult('hybrid', 'fail', `Activation ${a.id} is ${[a.expired && 'expired', full && 'at its registration limit'].filter(Boolean).join(' and ')}.`, evidence), findings);
}
