/**
 * curl, wget, tar and the AWS CLI's `aws s3 cp` / `aws sts get-caller-identity`.
 * curl prints its progress meter on stderr unless -s (stdout is a pipe under the agent);
 * the instance metadata endpoint answers on EC2 instances. Failures: connection timeouts
 * (curl exit 28, after a varying number of ms), S3 AccessDenied for node roles that may
 * not write the bucket (hybrid nodes always), a full /tmp for archives.
 */
import { strikes } from './failures';
import { fail, ok, type CmdResult, type Handler, type ShellRun } from './types';

const PROGRESS = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

function metadata(path: string, run: ShellRun): string | null {
  const n = run.node;
  const values: Record<string, string | undefined> = {
    'instance-id': n.id, 'local-ipv4': run.facts.ip, 'local-hostname': run.facts.hostname, hostname: run.facts.hostname,
    'instance-type': n.ec2?.instanceType, 'ami-id': n.ec2?.imageId, 'placement/availability-zone': n.ec2?.availabilityZone, 'placement/region': n.region,
  };
  if (path === 'latest/api/token') return `AQAEA${run.facts.id.slice(2, 14)}Xk9sQ3bd-${Math.floor(run.roll('token') * 1e9).toString(36)}==`;
  const m = /^latest\/meta-data\/(.+)$/.exec(path);
  return m ? (values[m[1]] ?? null) : null;
}

function curl(args: string[], run: ShellRun): CmdResult {
  const url = args.find((a) => /^https?:\/\//.test(a)) ?? args.find((a) => !a.startsWith('-')) ?? '';
  const silent = args.some((a) => /^-[a-zA-Z]*s/.test(a) || a === '--silent');
  const showErrors = args.some((a) => /^-[a-zA-Z]*S/.test(a) || a === '--show-error');
  const failFlag = args.some((a) => /^-[a-zA-Z]*f/.test(a) || a === '--fail');
  const toFile = args.some((a) => a === '-o' || a === '-O' || /^-[a-zA-Z]*[oO]$/.test(a));
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return fail(3, silent && !showErrors ? '' : 'curl: (3) URL using bad/illegal format or missing URL\n');
  const [, scheme, host, portText, path = '/'] = m;
  const port = portText ?? (scheme === 'https' ? '443' : '80');
  const progress = silent ? '' : PROGRESS;
  const err = (code: number, text: string) => fail(code, progress + (silent && !showErrors ? '' : `curl: (${code}) ${text}\n`));
  if (host === '169.254.169.254') {
    const body = run.facts.ec2 ? metadata(path.slice(1), run) : null;
    if (!run.facts.ec2) return err(28, `Failed to connect to 169.254.169.254 port 80 after ${1000 + Math.floor(run.roll('imds') * 900)} ms: Timeout was reached`);
    if (body === null) return failFlag ? err(22, 'The requested URL returned error: 404') : ok(toFile ? '' : '<?xml version="1.0" encoding="iso-8859-1"?>\n<title>404 - Not Found</title>\n', progress);
    return ok(toFile ? '' : body, progress);
  }
  if (!host.includes('.') && !/^\d/.test(host) && host !== 'localhost') return err(6, `Could not resolve host: ${host}`);
  if (strikes(run.roll, 'curlTimeout', host)) return err(28, `Failed to connect to ${host} port ${port} after ${30000 + Math.floor(run.roll('curl-ms') * 40)} ms: Timeout was reached`);
  const body = /health|status|ping/.test(path) ? '{"status":"ok"}' : `<!DOCTYPE html>\n<html><head><title>${host}</title></head><body>ok</body></html>\n`;
  return ok(toFile || args.includes('-I') ? (args.includes('-I') ? 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 58\r\n\r\n' : '') : body, progress);
}

function wget(args: string[], run: ShellRun): CmdResult {
  const url = args.find((a) => /^https?:\/\//.test(a)) ?? '';
  const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? '';
  const file = url.split('/').pop() || 'index.html';
  const head = `--${new Date(run.start).toISOString().slice(0, 19).replace('T', ' ')}--  ${url}\nResolving ${host} (${host})... 10.0.${Math.floor(run.roll('w3') * 255)}.${Math.floor(run.roll('w4') * 255)}\nConnecting to ${host} (${host})|`;
  if (strikes(run.roll, 'curlTimeout', host)) return fail(4, `${head}...failed: Connection timed out.\nRetrying.\n`);
  return ok('', `${head}... connected.\nHTTP request sent, awaiting response... 200 OK\nSaving to: '${file}'\n\n'${file}' saved\n`);
}

function tar(args: string[], run: ShellRun): CmdResult {
  const create = args.some((a) => /^-?[a-z]*c/.test(a) && !a.startsWith('/'));
  const archive = args.find((a) => /\.(tar|tgz|tar\.gz)$/.test(a));
  const members = args.filter((a) => a.startsWith('/') && a !== archive);
  const removing = members.length > 0 ? "tar: Removing leading `/' from member names\n" : '';
  if (create && archive && strikes(run.roll, 'tmpFull')) return fail(2, `${removing}tar: ${archive}: Cannot write: No space left on device\ntar: Error is not recoverable: exiting now\n`);
  return ok('', create ? removing : '');
}

function aws(args: string[], run: ShellRun): CmdResult {
  const [service, verb, src, dest] = args.filter((a) => !a.startsWith('--'));
  if (service === 'sts' && verb === 'get-caller-identity') {
    const role = run.facts.ec2 ? `assumed-role/SSMManagedInstanceRole/${run.node.id}` : `assumed-role/SSMServiceRole/${run.node.id}`;
    return ok(`{\n    "UserId": "AROAEXAMPLE${run.node.id.slice(-8).toUpperCase()}:${run.node.id}",\n    "Account": "${run.accountId}",\n    "Arn": "arn:aws:sts::${run.accountId}:${role}"\n}\n`);
  }
  if (service === 's3' && verb === 'cp' && src && dest) {
    const upload = dest.startsWith('s3://');
    const target = upload && dest.endsWith('/') ? `${dest}${src.split('/').pop()}` : dest;
    if (upload && (!run.facts.ec2 || strikes(run.roll, 's3Denied'))) {
      return fail(1, `upload failed: ${src} to ${target} An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:sts::${run.accountId}:assumed-role/${run.facts.ec2 ? 'SSMManagedInstanceRole' : 'SSMServiceRole'}/${run.node.id} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::${target.slice(5)}" because no identity-based policy allows the s3:PutObject action\n`);
    }
    return ok(`Completed ${(1 + run.roll('kib') * 900).toFixed(1)} KiB/${(1 + run.roll('kib') * 900).toFixed(1)} KiB (${(0.5 + run.roll('mib') * 8).toFixed(1)} MiB/s) with 1 file(s) remaining\r${upload ? 'upload' : 'download'}: ${src} to ${target}\n`);
  }
  if (service === 's3' && verb === 'ls') return ok('2025-05-30 09:12:44      18244 collect-logs/\n');
  return fail(252, `\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\naws: error: argument operation: Invalid choice\n`);
}

export const NETWORK_COMMANDS: Record<string, Handler> = { curl, wget, tar, aws };
