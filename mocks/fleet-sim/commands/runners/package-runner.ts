/**
 * AWS-ConfigureAWSPackage (Distributor): AWS's packages by platform; Install records the
 * version on the node, Uninstall removes it (and fails when nothing is installed, as the
 * document says). Fails for unknown packages, a platform without a manifest, a full disk,
 * and 4% of downloads (an S3 address that differs per node).
 */
import { platformSpec } from '../../catalog';
import type { SimNode } from '../../types';
import { hasFullDisk } from '../shell/failures';
import { unit } from '../shell/node-facts';
import { exitSuffix, type Runner } from './types';

const PACKAGES: Record<string, { version: string; platforms: string[] }> = {
  AmazonCloudWatchAgent: { version: '1.300049.1b929', platforms: ['Linux', 'Windows'] },
  AmazonEFSUtils: { version: '2.1.0-1', platforms: ['Linux'] },
  AWSPVDriver: { version: '8.4.3', platforms: ['Windows'] },
  AwsEnaNetworkDriver: { version: '2.8.0', platforms: ['Windows'] },
  AWSNVMe: { version: '1.5.1', platforms: ['Windows'] },
  AwsVssComponents: { version: '2.3.1', platforms: ['Windows'] },
};
const DOWNLOAD_FAILURE = 0.04;

const packageName = (param: string) => param.replace(/^arn:.*:(package|document)\//, '');

function platformTriple(node: SimNode): string {
  const spec = platformSpec(node.platform);
  const name = spec.family === 'amazon-linux' ? 'amazon' : spec.family === 'rhel' ? 'redhat' : spec.family;
  return `platform: ${name}, version ${node.platformVersion}, architecture ${node.ec2?.architecture ?? 'x86_64'}`;
}

export const packageRunner: Runner = {
  durationMs: (rng) => Math.round(rng.range(10, 40) * 1000),
  timeoutSeconds: () => 3600,
  complete(ctx) {
    const p = ctx.cmd.effectiveParameters;
    const name = packageName(p.name[0]);
    const pkg = PACKAGES[name];
    const installed = ctx.node.packages?.[name];
    const install = p.action[0] === 'Install';
    const version = p.version?.[0] || pkg?.version || '';
    const outcome = !pkg ? 'unknown'
      : !pkg.platforms.includes(platformSpec(ctx.node.platform).platformType) ? 'platform'
        : !install && !installed ? 'not-installed'
          : install && installed === version ? 'current'
            : hasFullDisk(ctx.cmd.seed, ctx.node.id) ? 'disk'
              : unit('package-download', ctx.cmd.seed, ctx.cmd.id, ctx.node.id) < DOWNLOAD_FAILURE ? 'download' : 'done';
    if (outcome === 'done') {
      ctx.node.packages ??= {};
      if (install) ctx.node.packages[name] = version;
      else delete ctx.node.packages[name];
    }
    return { exitCode: outcome === 'done' || outcome === 'current' ? 0 : 1, facts: { name, version: install ? version : (installed ?? ''), outcome } };
  },
  render(ctx, result) {
    const { name, version, outcome } = result.facts as { name: string; version: string; outcome: string };
    const action = ctx.cmd.effectiveParameters.action[0].toLowerCase();
    const arn = `arn:aws:ssm:::package/${name}`;
    const windows = platformSpec(ctx.node.platform).platformType === 'Windows';
    const fail = (stdout: string, why: string) => ({ configurePackage: { stdout, stderr: `${why}\n${exitSuffix(1)}`, code: 1 } });
    const initiating = `Initiating ${arn} ${version} ${action}\n`;
    switch (outcome) {
      case 'unknown': return fail('', `failed to retrieve package document: ResourceNotFoundException: Document with name ${name} does not exist.`);
      case 'platform': return fail('', `failed to find platform: no manifest found for ${platformTriple(ctx.node)}`);
      case 'not-installed': return fail('', `Package ${name} is not installed`);
      case 'current': return { configurePackage: { stdout: `Skipping ${action} of ${arn} ${version} because it is already installed\n`, stderr: '', code: 0 } };
      case 'disk': return fail(initiating, windows
        ? `failed to create directory C:\\ProgramData\\Amazon\\SSM\\Packages\\${name}\\${version}: There is not enough space on the disk.`
        : `failed to create directory /var/lib/amazon/ssm/packages/${name}/${version}: no space left on device`);
      case 'download': {
        const url = `https://s3.${ctx.cmd.region}.amazonaws.com/aws-ssm-distributor-file-${ctx.cmd.region}/${name}/${version}/${name}-${windows ? 'windows' : 'linux'}.zip`;
        const ip = `52.216.${Math.floor(unit('ip', ctx.cmd.id, ctx.node.id) * 255)}.${1 + Math.floor(unit('ip4', ctx.cmd.id, ctx.node.id) * 254)}`;
        return fail(initiating, `failed to download installation package reliably, ${url}: RequestError: send request failed\ncaused by: Get "${url}": dial tcp ${ip}:443: i/o timeout`);
      }
      default: {
        const plugin = windows ? 'aws:runPowerShellScript' : 'aws:runShellScript';
        const script = windows ? `${action}.ps1` : `sh ${action}.sh`;
        const detail = action === 'install' && !windows && name === 'AmazonCloudWatchAgent' ? `create group cwagent, result: 0\ncreate user cwagent, result: 0\n` : '';
        return { configurePackage: { stdout: `${initiating}Plugin ${plugin} ResultStatus Success\n${action} output: Running ${script}\n${detail}Successfully ${action}ed ${arn} ${version}\n`, stderr: '', code: 0 } };
      }
    }
  },
};
