/**
 * The files a script can read on a simulated Linux node: OS release files, a few /proc
 * entries, and log files (which exist only where the distribution or an installed
 * service writes them; their lines are generated back from the run's start time).
 */
import { createRng, hashSeed } from '../../prng';
import { syslogStamp, strftime } from './format';
import type { NodeFacts } from './node-facts';
import type { ShellRun } from './types';

const AL_RELEASE = '2023.5.20240805';

function osRelease(f: NodeFacts): string {
  if (f.family === 'amazon-linux') {
    return `NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\nID_LIKE="fedora"\nVERSION_ID="2023"\nPLATFORM_ID="platform:al2023"\nPRETTY_NAME="Amazon Linux ${AL_RELEASE}"\nANSI_COLOR="0;33"\nCPE_NAME="cpe:2.3:o:amazon:amazon_linux:2023"\nHOME_URL="https://aws.amazon.com/linux/amazon-linux-2023/"\nDOCUMENTATION_URL="https://docs.aws.amazon.com/linux/"\nSUPPORT_URL="https://aws.amazon.com/premiumsupport/"\nBUG_REPORT_URL="https://github.com/amazonlinux/amazon-linux-2023"\nVENDOR_NAME="AWS"\nVENDOR_URL="https://aws.amazon.com/"\nSUPPORT_END="2028-03-15"\n`;
  }
  if (f.family === 'rhel') {
    const v = f.platformVersion;
    return `NAME="Red Hat Enterprise Linux"\nVERSION="${v} (Plow)"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="${v}"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Red Hat Enterprise Linux ${v} (Plow)"\nANSI_COLOR="0;31"\nLOGO="fedora-logo-icon"\nCPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"\nHOME_URL="https://www.redhat.com/"\nDOCUMENTATION_URL="https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9"\nBUG_REPORT_URL="https://issues.redhat.com/"\n\nREDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 9"\nREDHAT_BUGZILLA_PRODUCT_VERSION=${v}\nREDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"\nREDHAT_SUPPORT_PRODUCT_VERSION="${v}"\n`;
  }
  const noble = f.platformVersion.startsWith('24');
  const [full, name, code] = noble ? ['24.04.1', 'Noble Numbat', 'noble'] : ['22.04.4', 'Jammy Jellyfish', 'jammy'];
  return `PRETTY_NAME="Ubuntu ${full} LTS"\nNAME="Ubuntu"\nVERSION_ID="${f.platformVersion}"\nVERSION="${full} LTS (${name})"\nVERSION_CODENAME=${code}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${code}\n${noble ? 'LOGO=ubuntu-logo\n' : ''}`;
}

type LogLine = (t: number, i: number, r: () => number) => string;

function logGenerators(f: NodeFacts): Record<string, LogLine> {
  const host = f.hostname.split('.')[0];
  const sys = (msg: string) => (t: number) => `${syslogStamp(t)} ${host} ${msg}`;
  const syslog: LogLine = (t, i, r) => [
    sys(`systemd[1]: Started session-${4000 + i}.scope - Session ${4000 + i} of User root.`),
    sys(`amazon-ssm-agent[${1800 + Math.floor(r() * 90)}]: INFO [ssm-agent-worker] [MessageService] SendReply for document completed`),
    sys(`chronyd[${700 + Math.floor(r() * 50)}]: Selected source 169.254.169.123`),
    sys('systemd[1]: Starting sysstat-collect.service - system activity accounting tool...'),
    sys(`CRON[${30000 + Math.floor(r() * 9000)}]: (root) CMD (/usr/lib64/sa/sa1 1 1)`),
  ][Math.floor(r() * 5)](t);
  const ssm: LogLine = (t, _i, r) => `${strftime(t, '%F %T')} ${r() < 0.9 ? 'INFO' : 'WARN'} [ssm-agent-worker] [MessagingDeliveryService] ${r() < 0.5 ? 'Sending reply' : 'increasing the worker pool'}`;
  const access: LogLine = (t, _i, r) => `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} - - [${strftime(t, '%d/%b/%Y:%T +0000')}] "GET ${r() < 0.6 ? '/healthz' : '/api/v1/items'} HTTP/1.1" ${r() < 0.97 ? 200 : 502} ${Math.floor(r() * 4000)} "-" "${r() < 0.6 ? 'ELB-HealthChecker/2.0' : 'Mozilla/5.0'}"`;
  const app: LogLine = (t, i, r) => `${new Date(t).toISOString()} ${r() < 0.93 ? 'INFO' : 'ERROR'} [${f.hostname.split('.')[0]}] request_id=${(hashSeed(f.id, i) >>> 0).toString(16)} latency_ms=${Math.floor(r() * 250)}`;
  const files: Record<string, LogLine> = {
    '/var/log/amazon/ssm/amazon-ssm-agent.log': ssm,
    '/var/log/amazon/ssm/errors.log': (t) => `${strftime(t, '%F %T')} ERROR [ssm-agent-worker] [HealthCheck] error when calling AWS APIs. error details - RequestError: send request failed`,
  };
  if (f.services.has('rsyslog')) {
    if (f.family === 'ubuntu') Object.assign(files, { '/var/log/syslog': syslog, '/var/log/auth.log': sys('sshd[1022]: Server listening on :: port 22.') });
    else Object.assign(files, { '/var/log/messages': syslog, '/var/log/secure': sys('sshd[1022]: Server listening on :: port 22.') });
  }
  if (f.ec2) files['/var/log/cloud-init.log'] = (t) => `${strftime(t, '%F %T')},114 - util.py[DEBUG]: Cloud-init v. 22.2.2 finished`;
  if (f.services.has('nginx')) Object.assign(files, { '/var/log/nginx/access.log': access, '/var/log/nginx/error.log': (t: number) => `${strftime(t, '%Y/%m/%d %T')} [warn] 2874#2874: *1 upstream response is buffered to a temporary file` });
  if (f.services.has('httpd')) Object.assign(files, { '/var/log/httpd/access_log': access, '/var/log/httpd/error_log': (t: number) => `[${strftime(t, '%a %b %d %T.000000 %Y')}] [mpm_event:notice] [pid 2871:tid 2871] AH00489: Apache/2.4.57 (Red Hat Enterprise Linux) configured` });
  if (f.services.has('postgresql')) files['/var/log/postgresql/postgresql.log'] = (t) => `${strftime(t, '%F %T.000 UTC')} [2911] LOG:  checkpoint complete`;
  for (const svc of ['api', 'worker', 'auth', 'payments']) if (f.services.has(svc)) files[`/var/log/app/${svc}.log`] = app;
  if (f.family === 'ubuntu') files['/var/log/apt/history.log'] = (t) => `Start-Date: ${strftime(t, '%F  %T')}`;
  else files['/var/log/dnf.log'] = (t) => `${new Date(t).toISOString().slice(0, 19)}+0000 DDEBUG Command: dnf makecache --timer`;
  return files;
}

const genCache = new WeakMap<NodeFacts, Record<string, LogLine>>();
function logsOf(f: NodeFacts): Record<string, LogLine> {
  let logs = genCache.get(f);
  if (!logs) genCache.set(f, (logs = logGenerators(f)));
  return logs;
}

/** The last `count` lines of a log file before the run started, or null if the file does not exist. */
export function logTail(run: ShellRun, path: string, count: number): string[] | null {
  const gen = logsOf(run.facts)[path];
  if (!gen) return null;
  const rng = createRng(hashSeed('log', run.facts.id, path, Math.floor(run.start / 60_000)));
  const out: string[] = [];
  let t = run.start - 2000;
  for (let i = 0; i < count; i++) {
    out.push(gen(t, i, rng.next));
    t -= 1000 + Math.floor(rng.next() * 40_000);
  }
  return out.reverse();
}

export function isLogFile(f: NodeFacts, path: string): boolean {
  return Object.hasOwn(logsOf(f), path);
}

/** A whole (non-log) file's content, or null if it does not exist. */
export function fileContent(run: ShellRun, path: string): string | null {
  const f = run.facts;
  const files: Record<string, () => string> = {
    '/etc/os-release': () => osRelease(f),
    '/etc/hostname': () => `${f.hostname}\n`,
    '/proc/loadavg': () => `${(run.roll('load') * 0.6).toFixed(2)} ${(run.roll('load5') * 0.4).toFixed(2)} 0.05 1/${180 + Math.floor(run.roll('procs') * 60)} ${40000 + Math.floor(run.roll('pid') * 9000)}\n`,
    '/proc/cpuinfo': () => Array.from({ length: f.vcpus }, (_, i) => `processor\t: ${i}\nvendor_id\t: ${f.arch === 'aarch64' ? 'ARM' : 'GenuineIntel'}\nmodel name\t: ${f.arch === 'aarch64' ? 'Neoverse-V1' : 'Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz'}\n`).join('\n'),
  };
  if (f.family !== 'ubuntu') files['/etc/system-release'] = () => (f.family === 'rhel' ? `Red Hat Enterprise Linux release ${f.platformVersion} (Plow)\n` : `Amazon Linux release ${AL_RELEASE} (Amazon Linux)\n`);
  const file = files[path];
  if (file) return file();
  const log = logTail(run, path, 40);
  return log ? `${log.join('\n')}\n` : null;
}

/** Entries of a directory, or null if it does not exist. */
export function listDir(run: ShellRun, dir: string): string[] | null {
  const path = dir.replace(/\/+$/, '') || '/';
  if (path === '/') return ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'local', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
  if (path === run.cwd || path === '.') return ['_script.sh'];
  if (path === '/tmp') return ['systemd-private-chronyd.service-TmpDir'];
  if (path === '/etc') return ['fstab', 'hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf', 'ssh', 'sudoers', 'systemd', 'yum.repos.d'];
  const entries = new Set<string>();
  for (const file of [...Object.keys(logsOf(run.facts)), '/var/log/amazon/ssm/audits']) {
    if (file.startsWith(`${path}/`)) entries.add(file.slice(path.length + 1).split('/')[0]);
  }
  return entries.size > 0 ? [...entries].sort() : null;
}
