/**
 * AWS-UpdateSSMAgent (aws:updateSsmAgent) and AWS-RefreshAssociation.
 * An update installs the requested version (default: the latest) and the node then
 * reports it (DescribeInstanceInformation AgentVersion, IsLatestVersion). A node already
 * there succeeds without change; an older target needs allowDowngrade=true; an unknown
 * version, a full disk or a failed download (3%, the S3 address differs per node) fails.
 */
import { AGENT_VERSIONS, LATEST_AGENT, platformSpec } from '../../catalog';
import type { SimNode } from '../../types';
import { hasFullDisk } from '../shell/failures';
import { unit } from '../shell/node-facts';
import { exitSuffix, type RunContext, type Runner } from './types';

const KNOWN = new Set(AGENT_VERSIONS.map(([v]) => v));
const DOWNLOAD_FAILURE = 0.03;

const compare = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 4; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

function artifact(node: SimNode, name: string, version: string, region: string): string {
  const windows = platformSpec(node.platform).platformType === 'Windows';
  const arch = node.ec2?.architecture === 'arm64' ? 'arm64' : 'amd64';
  return `https://s3.${region}.amazonaws.com/amazon-ssm-${region}/${name}/${version}/${name}-${windows ? 'windows' : 'linux'}-${arch}.${windows ? 'zip' : 'tar.gz'}`;
}

function outcome(ctx: RunContext, from: string, target: string): string {
  const params = ctx.cmd.effectiveParameters;
  if (!KNOWN.has(target)) return 'unknown';
  if (from === target) return 'current';
  if (compare(target, from) < 0 && params.allowDowngrade?.[0] !== 'true') return 'downgrade';
  if (hasFullDisk(ctx.cmd.seed, ctx.node.id)) return 'disk';
  return unit('agent-download', ctx.cmd.seed, ctx.cmd.id, ctx.node.id) < DOWNLOAD_FAILURE ? 'download' : 'updated';
}

export const updateAgentRunner: Runner = {
  durationMs: (rng) => Math.round(rng.range(20, 60) * 1000),
  timeoutSeconds: () => 3600,
  complete(ctx) {
    const from = ctx.node.ssm?.agentVersion ?? LATEST_AGENT;
    const target = ctx.cmd.effectiveParameters.version?.[0] || LATEST_AGENT;
    const result = outcome(ctx, from, target);
    if (result === 'updated' && ctx.node.ssm) ctx.node.ssm.agentVersion = target;
    return { exitCode: result === 'updated' || result === 'current' ? 0 : 1, facts: { from, target, outcome: result } };
  },
  render(ctx, result) {
    const { from, target, outcome: what } = result.facts as { from: string; target: string; outcome: string };
    const region = ctx.cmd.region;
    const requested = ctx.cmd.effectiveParameters.version?.[0] || 'latest';
    const manifest = `Successfully downloaded https://s3.${region}.amazonaws.com/amazon-ssm-${region}/ssm-agent-manifest.json`;
    const head = `Updating amazon-ssm-agent from ${from} to ${requested}\n`;
    const out = (stdout: string, stderr = '') => ({ 'aws:updateSsmAgent': { stdout, stderr: stderr && `${stderr}\n${exitSuffix(1)}`, code: result.exitCode } });
    if (what === 'disk') {
      const windows = platformSpec(ctx.node.platform).platformType === 'Windows';
      return out('', windows
        ? `failed to create update directory C:\\ProgramData\\Amazon\\SSM\\Update\\amazon-ssm-agent-updater\\${target}: There is not enough space on the disk.`
        : `failed to create update directory /var/lib/amazon/ssm/update/amazon-ssm-agent-updater/${target}: mkdir /var/lib/amazon/ssm/update: no space left on device`);
    }
    if (what === 'unknown') return out(`${head}${manifest}\n`, `amazon-ssm-agent version ${target} is unsupported on current platform`);
    if (what === 'current') return out(`${head}${manifest}\namazon-ssm-agent ${from} has already been installed, update skipped\n`);
    if (what === 'downgrade') return out(`${head}${manifest}\n`, `updating amazon-ssm-agent to an older version ${target} is not allowed; set allowDowngrade to true to downgrade from ${from}`);
    const updater = `Successfully downloaded ${artifact(ctx.node, 'amazon-ssm-agent-updater', target, region)}`;
    if (what === 'download') {
      const ip = `52.217.${Math.floor(unit('ip', ctx.cmd.id, ctx.node.id) * 255)}.${1 + Math.floor(unit('ip4', ctx.cmd.id, ctx.node.id) * 254)}`;
      const url = artifact(ctx.node, 'amazon-ssm-agent', target, region);
      return out(`${head}${manifest}\n${updater}\n`, `failed to download file reliably, ${url}, RequestError: send request failed\ncaused by: Get "${url}": dial tcp ${ip}:443: i/o timeout`);
    }
    return out(`${head}${manifest}\n${updater}\nSuccessfully downloaded ${artifact(ctx.node, 'amazon-ssm-agent', from, region)}\nSuccessfully downloaded ${artifact(ctx.node, 'amazon-ssm-agent', target, region)}\nInitiating amazon-ssm-agent update to ${target}\namazon-ssm-agent updated successfully to ${target}\n`);
  },
};

export const refreshAssociationRunner: Runner = {
  durationMs: (rng) => Math.round(rng.range(1, 4) * 1000),
  timeoutSeconds: () => 3600,
  complete: () => ({ exitCode: 0 }),
  render(ctx) {
    const ids = ctx.cmd.effectiveParameters.associationIds ?? [];
    const what = ids.length > 0 ? `associations ${ids.join(', ')}` : 'all associations bound to the instance';
    return { refreshAssociation: { stdout: `Refreshing ${what}.\nThe associations have been scheduled to run on ${ctx.node.id}.\n`, stderr: '', code: 0 } };
  },
};
