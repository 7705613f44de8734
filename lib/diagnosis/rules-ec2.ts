/** Step 1: EC2 state and status checks (DescribeInstances, DescribeInstanceStatus). Pure. */
import { consoleLinks, ev } from './links';
import type { NodeFacts } from './facts';
import { recoverInstanceFix, startInstancesFix } from './fixes';
import { finding, outcome, stepResult, unchecked, type StepOutcome } from './step';

const lastPing = (f: NodeFacts) => (f.row.managed && f.row.lastPingAt ? [ev('Last ping to SSM', f.row.lastPingAt)] : []);

export function ec2Step(f: NodeFacts): StepOutcome {
  const { row } = f;
  if (row.id.startsWith('mi-')) return outcome(stepResult('ec2', 'skipped', 'Hybrid node: there is no EC2 instance to check.'));
  const inst = f.instance?.ok ? f.instance.value : undefined;
  const status = f.status?.ok ? f.status.value : undefined;
  if (inst === undefined && status === undefined) return unchecked('ec2', 'the instance’s state', f.instance, f.status);
  const link = ev('Instance', row.id, consoleLinks.instance(row.region, row.id));
  if (inst === null && !status) {
    const sentence = `EC2 no longer knows ${row.id}: it was terminated, so its agent cannot report.`;
    const fix = { kind: 'steps' as const, text: 'A terminated instance cannot come back: launch a replacement, and remove this node from automation that targets it.' };
    return outcome(stepResult('ec2', 'fail', 'EC2 does not list the instance (terminated).', [link]), [finding('instance-not-running', 'high', sentence, [link, ...lastPing(f)], fix)]);
  }
  const state = status?.state ?? inst?.state ?? row.ec2State ?? 'unknown';
  if (state !== 'running') return notRunning(f, state, link);
  if (!f.status?.ok) {
    const u = unchecked('ec2', 'the status checks', f.status);
    return outcome({ ...u.result, summary: `The instance is running. ${u.result.summary}` });
  }
  if (!status) return outcome(stepResult('ec2', 'warn', 'The instance is running; EC2 reported no status checks for it.', [link]));
  const impaired = [status.systemStatus, status.instanceStatus].includes('impaired');
  if (impaired) {
    const system = status.systemStatus === 'impaired';
    const checks = status.failedChecks.length ? status.failedChecks.join('; ') : `${system ? 'system' : 'instance'} status impaired`;
    const sentence = `The instance fails its EC2 ${system ? 'system' : 'instance'} status check: it is running but not reachable, so the agent cannot reach Systems Manager.`;
    const evidence = [link, ev('System status', status.systemStatus ?? 'unknown'), ev('Instance status', status.instanceStatus ?? 'unknown'), ev('Failed checks', checks), ...lastPing(f)];
    const fixFor = (ids: string[]) => recoverInstanceFix(row.region, ids, system);
    return outcome(stepResult('ec2', 'fail', `Running, but status checks fail (${checks}).`, evidence), [finding('status-check-failed', 'high', sentence, evidence, fixFor([row.id]), fixFor)]);
  }
  const pending = [status.systemStatus, status.instanceStatus].find((s) => s === 'initializing' || s === 'insufficient-data');
  if (pending) return outcome(stepResult('ec2', 'warn', `Running; status checks are ${pending}.`, [link]));
  return outcome(stepResult('ec2', 'pass', 'Running; system and instance status checks pass.', [link]));
}

function notRunning(f: NodeFacts, state: string, link: ReturnType<typeof ev>): StepOutcome {
  const { row } = f;
  const reason = f.instance?.ok ? f.instance.value?.stateReason : null;
  const evidence = [link, ev('State', state), ...(reason ? [ev('State change', reason)] : []), ...lastPing(f)];
  const terminated = state === 'terminated' || state === 'shutting-down';
  const sentence = terminated
    ? `The instance is ${state}: its agent will not report again.`
    : `The instance is ${state}: the agent runs only while the instance runs${row.managed && row.lastPingAt ? `; its last ping was ${row.lastPingAt}` : ''}.`;
  const fixFor = (ids: string[]) => startInstancesFix(row.region, ids);
  const fix = terminated ? { kind: 'steps' as const, text: 'A terminated instance cannot be started: launch a replacement.' } : fixFor([row.id]);
  return outcome(stepResult('ec2', 'fail', `The instance is ${state}.`, evidence), [finding('instance-not-running', 'high', sentence, evidence, fix, terminated ? undefined : fixFor)]);
}
