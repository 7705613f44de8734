/**
 * OpsItems for about 3% of registered nodes (problem nodes first), plus some resolved ones, from the
 * sources that create them in a real account: SSM, EC2 (via EventBridge), CloudWatch alarms, Config
 * rules, Security Hub and the ops team itself. Each is about one node (its `/aws/resources`).
 */
import { LATEST_AGENT } from './catalog';
import { DAY, HOUR, MINUTE } from './clock';
import type { GenContext } from './generate-node';
import { seedRelatedItems } from './ops-items';
import type { OpsItem, OpsItemDataValue, OpsItemSeverity, SimNode } from './types';

type Problem = 'lost' | 'failed' | 'missing' | 'old-agent' | 'any';

function problemOf(node: SimNode): Problem {
  const ssm = node.ssm;
  if (ssm && ssm.pingStatus !== 'Online') return 'lost';
  if (node.patch && node.patch.profile.failed > 0) return 'failed';
  if (node.patch && node.patch.profile.missing >= 3) return 'missing';
  if (ssm && ssm.agentVersion.startsWith('2.')) return 'old-agent';
  return 'any';
}

export function resourceArn(node: SimNode, accountId: string): string {
  return node.ec2
    ? `arn:aws:ec2:${node.region}:${accountId}:instance/${node.id}`
    : `arn:aws:ssm:${node.region}:${accountId}:managed-instance/${node.id}`;
}

const ENGINEERS = ['jane.doe', 'sam.lee', 'priya.n', 'marc.dubois'];

type Creator = 'ssm' | 'eventbridge' | 'cloudwatch' | 'engineer';

interface Draft {
  title: string;
  description: string;
  source: string;
  category: string;
  severity: OpsItemSeverity;
  creator: Creator;
  /** Resources besides the node (e.g. the alarm). */
  extraResources?: string[];
  data: Record<string, OpsItemDataValue>;
}

interface Template {
  when: Problem;
  ec2Only?: boolean;
  make(ctx: GenContext, node: SimNode, createdTime: number): Draft;
}

const searchable = (Value: string): OpsItemDataValue => ({ Value, Type: 'SearchableString' });
const plain = (Value: string): OpsItemDataValue => ({ Value, Type: 'String' });
const json = (v: unknown) => JSON.stringify(v);
const dedup = (s: string) => searchable(json({ dedupString: s }));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const restartRunbook = searchable(json([{ automationType: 'AWS:SSM:Automation', automationId: 'AWS-RestartEC2Instance' }]));

/** CloudWatch's "01/06/25 11:40:00" datapoint times. */
function cwTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:00`;
}

function alarm(ctx: GenContext, node: SimNode, at: number, spec: { suffix: string; metric: string; namespace: string; threshold: number; unit: string; title: string; extraDims?: Record<string, string> }): Draft {
  const { rng, accountId } = ctx;
  const name = `${node.name}-${spec.suffix}`;
  const arn = `arn:aws:cloudwatch:${node.region}:${accountId}:alarm:${name}`;
  const points = [0, 1, 2].map((i) => ({ v: Math.round((spec.threshold + rng.range(0.5, 100 - spec.threshold)) * 100) / 100, t: at - (i + 1) * 5 * MINUTE }));
  const reason = `Threshold Crossed: 3 out of the last 3 datapoints [${points.map((p) => `${p.v.toFixed(2)} (${cwTime(p.t)})`).join(', ')}] were greater than the threshold (${spec.threshold.toFixed(1)}) (minimum 3 datapoints for OK -> ALARM transition).`;
  const details = {
    AlarmName: name, AlarmArn: arn, MetricName: spec.metric, Namespace: spec.namespace, Statistic: 'Average', Period: 300,
    EvaluationPeriods: 3, DatapointsToAlarm: 3, ComparisonOperator: 'GreaterThanThreshold', Threshold: spec.threshold, Unit: spec.unit,
    Dimensions: [{ Name: 'InstanceId', Value: node.id }, ...Object.entries(spec.extraDims ?? {}).map(([Name, Value]) => ({ Name, Value }))],
    StateValue: 'ALARM', StateReason: reason, StateUpdatedTimestamp: iso(at),
  };
  return {
    title: `CloudWatch alarm - '${name}' is in ALARM state`,
    description: `${spec.title} on ${node.name} (${node.id}). CloudWatch alarm ${name} changed to ALARM: ${reason}`,
    source: 'CloudWatch', category: 'Performance', severity: '3', creator: 'cloudwatch', extraResources: [arn],
    data: { CloudWatchAlarm: searchable(json(details)), '/aws/dedup': dedup(`${arn}:ALARM`) },
  };
}

function configRule(node: SimNode, at: number, rule: string, annotation: string, category: string): Draft {
  const evaluation = {
    configRuleName: rule, complianceType: 'NON_COMPLIANT', previousComplianceType: 'COMPLIANT',
    resourceType: node.ec2 ? 'AWS::EC2::Instance' : 'AWS::SSM::ManagedInstanceInventory', resourceId: node.id,
    annotation, resultRecordedTime: iso(at),
  };
  return {
    title: `Config rule ${rule} is NON_COMPLIANT for ${node.id}`,
    description: `AWS Config evaluated ${node.name} (${node.id}) against the rule ${rule}: NON_COMPLIANT.\n\n${annotation}`,
    source: 'Config', category, severity: '2', creator: 'eventbridge',
    data: { ConfigRuleEvaluation: searchable(json(evaluation)), '/aws/dedup': dedup(`config-${rule}-${node.id}`) },
  };
}

function securityHub(ctx: GenContext, node: SimNode, at: number, control: { id: string; title: string; label: 'CRITICAL' | 'HIGH' | 'MEDIUM' }): Draft {
  const { rng, accountId } = ctx;
  const findingId = `arn:aws:securityhub:${node.region}:${accountId}:subscription/aws-foundational-security-best-practices/v/1.0.0/${control.id}/finding/${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
  const severity = ({ CRITICAL: '1', HIGH: '2', MEDIUM: '3' } as const)[control.label];
  return {
    title: `${control.id} ${control.title}`,
    description: `Security Hub finding for ${node.name} (${node.id}): ${control.title}. Severity ${control.label}. Remediation: https://docs.aws.amazon.com/console/securityhub/${control.id}/remediation`,
    source: 'Security Hub', category: 'Security', severity, creator: 'eventbridge',
    data: {
      '/aws/securityhub/FindingId': searchable(findingId),
      '/aws/securityhub/ProductName': searchable('Security Hub'),
      '/aws/securityhub/SeverityLabel': searchable(control.label),
      '/aws/securityhub/FindingTitle': searchable(control.title),
      '/aws/securityhub/FirstObservedAt': plain(iso(at)),
      '/aws/dedup': dedup(findingId),
    },
  };
}

const OPS_TASKS = [
  { title: 'Investigate intermittent 502s from {name}', category: 'Availability', severity: '2', runbook: 'http-5xx' },
  { title: 'Rotate the TLS certificate on {name} before it expires', category: 'Security', severity: '3', runbook: 'tls-rotation' },
  { title: 'Plan a root volume resize for {name}', category: 'Performance', severity: '4', runbook: 'ebs-resize' },
  { title: 'Check backup restores from {name}', category: 'Recovery', severity: '3', runbook: 'restore-drill' },
] as const;

const TEMPLATES: readonly Template[] = [
  {
    when: 'lost',
    make: (_ctx, node) => ({
      title: `SSM Agent is not reporting on ${node.name}`,
      description: `The SSM Agent on ${node.name} (${node.id}) stopped reporting to Systems Manager. Check that the instance is running, that the agent service is active and that it can reach the ssm, ssmmessages and ec2messages endpoints.`,
      source: 'SSM', category: 'Availability', severity: '2', creator: 'ssm',
      data: {
        PingStatus: searchable(node.ssm?.pingStatus ?? 'ConnectionLost'),
        LastPingDateTime: plain(iso(node.ssm?.lastPingTime ?? 0)),
        ...(node.ec2 ? { '/aws/automations': restartRunbook } : {}),
        '/aws/dedup': dedup(`SSMOpsItems-agent-not-reporting-${node.id}`),
      },
    }),
  },
  {
    when: 'lost', ec2Only: true,
    make: (_ctx, node, at) => configRule(node, at, 'ec2-instance-managed-by-systems-manager', 'The EC2 instance is not managed by Systems Manager (no recent heartbeat from the SSM Agent).', 'Availability'),
  },
  {
    when: 'failed',
    make: (_ctx, node) => ({
      title: `Patch installation failed on ${node.name}`,
      description: `AWS-RunPatchBaseline failed on ${node.name} (${node.id}): ${node.patch?.profile.failed} patches failed to install.`,
      source: 'SSM', category: 'Security', severity: '2', creator: 'ssm',
      data: { PatchCompliance: searchable(patchJson(node)), '/aws/dedup': dedup(`SSMOpsItems-patch-install-failed-${node.id}`) },
    }),
  },
  {
    when: 'missing',
    make: (_ctx, node) => ({
      title: `Critical patches missing on ${node.name}`,
      description: `${node.name} (${node.id}) is missing ${node.patch?.profile.missing} patches approved by its baseline. Run AWS-RunPatchBaseline with Operation=Install in the next maintenance window.`,
      source: 'SSM', category: 'Security', severity: '1', creator: 'ssm',
      data: { PatchCompliance: searchable(patchJson(node)), '/aws/dedup': dedup(`SSMOpsItems-patches-missing-${node.id}`) },
    }),
  },
  {
    when: 'failed',
    make: (_ctx, node, at) => configRule(node, at, 'ec2-managedinstance-patch-compliance-status-check', `Patch compliance status is NON_COMPLIANT: ${node.patch?.profile.failed} failed, ${node.patch?.profile.missing} missing.`, 'Security'),
  },
  {
    when: 'missing',
    make: (_ctx, node, at) => configRule(node, at, 'ec2-managedinstance-patch-compliance-status-check', `Patch compliance status is NON_COMPLIANT: ${node.patch?.profile.missing} missing.`, 'Security'),
  },
  {
    when: 'old-agent',
    make: (_ctx, node) => ({
      title: `SSM Agent on ${node.name} is out of date`,
      description: `Installed agent is older than ${LATEST_AGENT}. Run AWS-UpdateSSMAgent on ${node.id}.`,
      source: 'SSM', category: 'Security', severity: '4', creator: 'ssm',
      data: { AgentVersion: searchable(node.ssm?.agentVersion ?? ''), LatestAgentVersion: plain(LATEST_AGENT), '/aws/dedup': dedup(`SSMOpsItems-agent-outdated-${node.id}`) },
    }),
  },
  {
    when: 'any', ec2Only: true,
    make: (ctx, node, at) => {
      const detail = {
        'detail-type': 'EC2 Instance Status Check Failed', source: 'aws.ec2', region: node.region, time: iso(at),
        resources: [resourceArn(node, ctx.accountId)],
        detail: { 'instance-id': node.id, 'system-status': 'ok', 'instance-status': 'impaired', details: [{ name: 'reachability', status: 'failed', 'impaired-since': iso(at - 4 * MINUTE) }] },
      };
      return {
        title: `EC2 instance status check failed: ${node.name}`,
        description: JSON.stringify(detail, null, 2),
        source: 'EC2', category: 'Availability', severity: '1', creator: 'eventbridge',
        data: {
          StatusCheck: plain(json({ SystemStatus: 'ok', InstanceStatus: 'impaired', Details: [{ Name: 'reachability', Status: 'failed', ImpairedSince: iso(at - 4 * MINUTE) }] })),
          '/aws/automations': restartRunbook,
          '/aws/dedup': dedup(`SSMOpsItems-EC2-instance-status-check-failed-${node.id}`),
        },
      };
    },
  },
  {
    when: 'any',
    make: (ctx, node, at) => alarm(ctx, node, at, { suffix: 'cpu-high', metric: 'CPUUtilization', namespace: 'AWS/EC2', threshold: 90, unit: 'Percent', title: 'High CPU utilization' }),
  },
  {
    when: 'any',
    make: (ctx, node, at) => node.platform.startsWith('win')
      ? alarm(ctx, node, at, { suffix: 'memory-high', metric: 'Memory % Committed Bytes In Use', namespace: 'CWAgent', threshold: 90, unit: 'Percent', title: 'High memory use', extraDims: { objectname: 'Memory' } })
      : alarm(ctx, node, at, { suffix: 'disk-space-low', metric: 'disk_used_percent', namespace: 'CWAgent', threshold: 85, unit: 'Percent', title: 'Low disk space', extraDims: { path: '/', fstype: 'xfs' } }),
  },
  {
    when: 'any', ec2Only: true,
    make: (ctx, node, at) => node.ec2?.publicIp
      ? securityHub(ctx, node, at, { id: 'EC2.9', title: 'EC2 instances should not have a public IPv4 address', label: 'HIGH' })
      : securityHub(ctx, node, at, { id: 'EC2.8', title: 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)', label: 'HIGH' }),
  },
  {
    when: 'any',
    make: (ctx, node) => {
      const task = ctx.rng.pick(OPS_TASKS);
      const ticket = `OPS-${1000 + ctx.rng.int(9000)}`;
      const reporter = ctx.rng.pick(ENGINEERS);
      return {
        title: task.title.replace('{name}', node.name),
        description: `${task.title.replace('{name}', node.name)} (${node.id}).\n\nTracked in ${ticket}; runbook: https://wiki.example.internal/runbooks/${task.runbook}`,
        source: 'ops-team', category: task.category, severity: task.severity, creator: 'engineer',
        data: {
          Ticket: searchable(ticket),
          Context: plain(json({ reportedBy: reporter, team: node.team, application: node.application, environment: node.environment, runbook: `https://wiki.example.internal/runbooks/${task.runbook}` })),
        },
      };
    },
  },
];

function patchJson(node: SimNode): string {
  const p = node.patch;
  if (!p) return json({});
  return json({ BaselineId: p.baselineId, PatchGroup: p.patchGroup, Operation: p.operation, OperationEndTime: iso(p.endTime), MissingCount: p.profile.missing, FailedCount: p.profile.failed });
}

function creatorArn(ctx: GenContext, creator: Creator, engineer: string): string {
  const { accountId, rng } = ctx;
  switch (creator) {
    case 'cloudwatch':
      return `arn:aws:sts::${accountId}:assumed-role/OpsCenterCloudWatchRole/opscenter`;
    case 'eventbridge':
      return `arn:aws:sts::${accountId}:assumed-role/OpsItem-CWE-Role/${rng.hex(32)}`;
    case 'engineer':
      return engineer;
    default:
      return `arn:aws:iam::${accountId}:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM`;
  }
}

function makeItem(ctx: GenContext, node: SimNode, status: OpsItem['status']): OpsItem {
  const { rng, now, accountId } = ctx;
  const problem = problemOf(node);
  const templates = TEMPLATES.filter((t) => (t.when === problem || t.when === 'any') && (!t.ec2Only || node.ec2));
  const t = rng.pick(templates);
  const createdTime = status === 'Resolved' ? now - rng.range(10, 60) * DAY : now - rng.range(1, 20 * 24) * HOUR;
  const age = now - createdTime;
  const lastModifiedTime = status === 'Open' ? createdTime + rng.range(0, 0.2) * age : createdTime + rng.range(0.2, 0.9) * age;
  const engineer = `arn:aws:sts::${accountId}:assumed-role/OpsEngineer/${rng.pick(ENGINEERS)}`;
  const draft = t.make(ctx, node, createdTime);
  const creator = creatorArn(ctx, draft.creator, engineer);
  const edits = status === 'Open' ? rng.int(2) : status === 'InProgress' ? 1 + rng.int(4) : 2 + rng.int(5);
  const resources = [resourceArn(node, accountId), ...(draft.extraResources ?? [])];
  const item: OpsItem = {
    id: `oi-${rng.hex(12)}`,
    seq: 0,
    region: node.region,
    account: accountId,
    nodeId: node.id,
    title: draft.title,
    description: draft.description,
    source: draft.source,
    status,
    severity: draft.severity,
    priority: Math.min(5, Number(draft.severity) + rng.int(2)),
    category: draft.category,
    opsItemType: '/aws/issue',
    createdBy: creator,
    lastModifiedBy: edits === 0 ? creator : engineer,
    createdTime,
    lastModifiedTime,
    version: String(1 + edits),
    operationalData: { '/aws/resources': searchable(json(resources.map((arn) => ({ arn })))), ...draft.data },
    notifications: node.environment === 'prod' ? [`arn:aws:sns:${node.region}:${accountId}:ops-alerts-prod`] : [],
    relatedOpsItems: [],
    relatedItems: [],
    relatedSeq: 1,
    tags: [{ Key: 'Team', Value: node.team }],
  };
  seedRelatedItems(rng, item);
  return item;
}

export function generateOpsItems(nodes: readonly SimNode[], ctx: GenContext): OpsItem[] {
  const { rng } = ctx;
  const items: OpsItem[] = [];
  const ids = new Set<string>();
  const firstRegion = nodes[0]?.region;
  let openInFirst = 0;
  for (const node of nodes) {
    if (!node.ssm || node.ec2?.state === 'stopped') continue;
    const problem = problemOf(node) !== 'any';
    let status: OpsItem['status'] | undefined;
    if (rng.chance(problem ? 0.06 : 0.015)) status = rng.chance(0.6) ? 'Open' : 'InProgress';
    else if (rng.chance(0.01)) status = 'Resolved';
    if (!status && node.region === firstRegion && openInFirst < 2 && problem) status = 'Open';
    if (!status) continue;
    if (status !== 'Resolved' && node.region === firstRegion) openInFirst++;
    const item = makeItem(ctx, node, status);
    while (ids.has(item.id)) item.id = `oi-${rng.hex(12)}`;
    ids.add(item.id);
    items.push(item);
  }
  items.sort((a, b) => a.createdTime - b.createdTime);
  items.forEach((item, i) => (item.seq = i + 1));
  return items;
}
