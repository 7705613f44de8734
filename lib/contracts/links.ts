/** AWS console deep links and CLI commands for a node (patterns from the AWS console; see README). */

const console_ = (region: string, path: string) =>
  `https://${region}.console.aws.amazon.com/systems-manager/${path}?region=${encodeURIComponent(region)}`;

export function sessionManagerUrl(region: string, nodeId: string): string {
  return console_(region, `session-manager/${encodeURIComponent(nodeId)}`);
}

export function fleetManagerUrl(region: string, nodeId: string): string {
  return console_(region, `fleet-manager/managed-nodes/${encodeURIComponent(nodeId)}/general`);
}

export function runCommandUrl(region: string, commandId: string): string {
  return console_(region, `run-command/${encodeURIComponent(commandId)}`);
}

export function ec2InstanceUrl(region: string, instanceId: string): string {
  return `https://${region}.console.aws.amazon.com/ec2/home?region=${encodeURIComponent(region)}#InstanceDetails:instanceId=${encodeURIComponent(instanceId)}`;
}

/** ` --profile <name>` for a node in an account of the accounts file: the CLI profile named after the account. */
const profileFlag = (profile?: string) => (profile ? ` --profile ${/^[\w.@+=-]+$/.test(profile) ? profile : `'${profile.replace(/'/g, '')}'`}` : '');

export function startSessionCommand(region: string, nodeId: string, profile?: string): string {
  return `aws ssm start-session --target ${nodeId} --region ${region}${profileFlag(profile)}`;
}

/** Port forwarding through the node to a host it can reach (defaults: the node itself, HTTPS). */
export function portForwardCommand(
  region: string,
  nodeId: string,
  opts: { host?: string; remotePort?: number; localPort?: number; profile?: string } = {},
): string {
  const params = JSON.stringify({
    host: [opts.host ?? 'localhost'],
    portNumber: [String(opts.remotePort ?? 443)],
    localPortNumber: [String(opts.localPort ?? 8443)],
  });
  return `aws ssm start-session --target ${nodeId} --region ${region} --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters '${params}'${profileFlag(opts.profile)}`;
}

/** CloudWatch Logs console link to one log stream (the console double-encodes and writes % as $). */
export function logStreamUrl(region: string, group: string, stream: string): string {
  const enc = (s: string) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${encodeURIComponent(region)}#logsV2:log-groups/log-group/${enc(group)}/log-events/${enc(stream)}`;
}

/** S3 console link for an object named by its https URL (https://s3.<region>.amazonaws.com/<bucket>/<key>); null when not such a URL. */
export function s3ConsoleUrl(objectUrl: string): string | null {
  const m = /^https:\/\/s3[.-]([a-z0-9-]+)\.amazonaws\.com\/([^/]+)\/(.+)$/.exec(objectUrl);
  if (!m) return null;
  return `https://s3.console.aws.amazon.com/s3/object/${m[2]}?region=${m[1]}&prefix=${encodeURIComponent(decodeURIComponent(m[3]))}`;
}
