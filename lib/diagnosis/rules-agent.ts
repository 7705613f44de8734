/** Step 4: the SSM Agent, from what SSM last heard and from the platform's default. Pure. */
import { consoleLinks, ev } from './links';
import type { NodeFacts } from './facts';
import { installAgentFix } from './fixes';
import { agentDefault } from './agent-platform';
import { finding, outcome, stepResult, type StepOutcome } from './step';

/** What EC2 shows now, next to the time the ping stopped. */
function ec2Now(f: NodeFacts): string {
  const status = f.status?.ok ? f.status.value : null;
  const state = status?.state ?? (f.instance?.ok ? f.instance.value?.state : null) ?? f.row.ec2State;
  if (!state) return '';
  const failing = status && [status.systemStatus, status.instanceStatus].includes('impaired') ? ', status checks failing' : '';
  return ` EC2 now shows it ${state}${failing}.`;
}

export function agentStep(f: NodeFacts): StepOutcome {
  const { row } = f;
  if (row.managed) {
    const version = row.agentVersion ? `agent ${row.agentVersion}${row.agentLatest === false ? ' (not the latest)' : ''}` : 'agent version unknown';
    const evidence = [ev('Last ping', row.lastPingAt ?? 'unknown'), ev('Agent version', row.agentVersion ?? 'unknown'), ev('Node', row.id, consoleLinks.node(row.region, row.id))];
    if (row.ping === 'Online') return outcome(stepResult('agent', 'pass', `Online; ${version}.`, evidence));
    const when = row.lastPingAt ? `stopped pinging at ${row.lastPingAt}` : 'has not pinged recently';
    return outcome(stepResult('agent', 'warn', `Registered (${version}); ${row.ping}: it ${when}.${row.id.startsWith('mi-') ? '' : ec2Now(f)}`, evidence));
  }
  if (row.id.startsWith('mi-')) return outcome(stepResult('agent', 'warn', 'Hybrid node that SSM does not list as registered.'));
  const inst = f.instance?.ok ? f.instance.value : null;
  const d = agentDefault(row, inst, f.amiName);
  const ami = ev('AMI', f.amiName ? `${row.imageId ?? ''} (${f.amiName})` : (row.imageId ?? 'unknown'));
  if (row.ping === 'Unknown') {
    return outcome(stepResult('agent', 'unchecked', `Systems Manager's node list for ${row.region} could not be read, so whether the agent registered is unknown (${d.platform}${d.ships === true ? ' ships the agent' : ''}).`, [ami]));
  }
  if (d.ships === true) {
    return outcome(stepResult('agent', 'pass', `${d.platform} AMIs ship the SSM Agent; this instance has never registered (whether the agent runs cannot be seen through AWS's APIs).`, [ami]));
  }
  if (d.ships === null) return outcome(stepResult('agent', 'warn', `Cannot tell from the AMI whether ${d.platform} includes the SSM Agent; the instance has never registered.`, [ami]));
  // A stopped instance may have registered before it stopped (SSM does not list stopped instances): no claim then.
  if (row.ping !== 'NotManaged') return outcome(stepResult('agent', 'warn', `${d.platform} AMIs do not ship the SSM Agent; whether it was installed cannot be told while the instance is not running.`, [ami]));
  const windows = d.platform.startsWith('Windows');
  const sentence = `The instance runs ${d.platform}, whose AMIs do not include the SSM Agent, and it has never registered: the agent is probably not installed.`;
  const evidence = [ami, ev('Platform', d.platform), ev('Registered with SSM', 'never')];
  return outcome(stepResult('agent', 'fail', `${d.platform} AMIs do not ship the SSM Agent.`, evidence), [
    finding('agent-not-installed', 'medium', sentence, evidence, installAgentFix(row.region, windows)),
  ]);
}
