/** OpsItems for about 3% of registered nodes (problem nodes first), plus some resolved ones. */
import { LATEST_AGENT, OPS_TEMPLATES } from './catalog';
import { DAY, HOUR } from './clock';
import type { GenContext } from './generate-node';
import type { OpsItem, SimNode } from './types';

type Problem = (typeof OPS_TEMPLATES)[number]['when'];

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

function makeItem(ctx: GenContext, node: SimNode, status: OpsItem['status']): OpsItem {
  const { rng, now, accountId } = ctx;
  const problem = problemOf(node);
  const templates = OPS_TEMPLATES.filter((t) => t.when === problem || t.when === 'any');
  const t = rng.pick(templates);
  const createdTime = status === 'Resolved' ? now - rng.range(10, 60) * DAY : now - rng.range(1, 20 * 24) * HOUR;
  const age = now - createdTime;
  const lastModifiedTime = status === 'Open' ? createdTime + rng.range(0, 0.2) * age : createdTime + rng.range(0.2, 0.9) * age;
  const severity = t.severity as OpsItem['severity'];
  const engineer = `arn:aws:sts::${accountId}:assumed-role/OpsEngineer/${rng.pick(ENGINEERS)}`;
  const creator = t.source === 'CloudWatch'
    ? `arn:aws:sts::${accountId}:assumed-role/OpsCenterCloudWatchRole/opscenter`
    : `arn:aws:iam::${accountId}:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM`;
  return {
    id: `oi-${rng.hex(12)}`,
    seq: 0,
    region: node.region,
    nodeId: node.id,
    title: t.title.replace('{name}', node.name),
    description: `${t.title.replace('{name}', node.name)} (${node.id}). ${
      problem === 'old-agent' ? `Installed agent is older than ${LATEST_AGENT}.` : 'Investigate the node and resolve the OpsItem when done.'
    }`,
    source: t.source,
    status,
    severity,
    priority: Math.min(5, Number(severity) + rng.int(2)),
    category: t.category,
    opsItemType: '/aws/issue',
    createdBy: creator,
    lastModifiedBy: status === 'Open' ? creator : engineer,
    createdTime,
    lastModifiedTime,
    resourceArns: [resourceArn(node, accountId)],
  };
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
    let item = makeItem(ctx, node, status);
    while (ids.has(item.id)) item = { ...item, id: `oi-${rng.hex(12)}` };
    ids.add(item.id);
    items.push(item);
  }
  items.sort((a, b) => a.createdTime - b.createdTime);
  items.forEach((item, i) => (item.seq = i + 1));
  return items;
}
