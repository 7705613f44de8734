/**
 * dnf/yum (Amazon Linux, RHEL) and apt-get/apt (Ubuntu). Without -y they abort as they do
 * without a terminal; the wrong package manager is "command not found" through the
 * interpreter. Failures: a dpkg lock held by another process (exit 100, varying PID),
 * repository metadata timeouts (dnf, exit 1), an unreachable apt mirror (varying IP).
 */
import { pidOf, strikes } from './failures';
import { strftime } from './format';
import { unit } from './node-facts';
import { fail, lines, ok, type CmdResult, type Handler, type ShellRun } from './types';

/** name -> [rpm version, deb version, size kB] */
const PACKAGES: Record<string, [string, string, number]> = {
  htop: ['3.2.1-5', '3.0.5-7build2', 160], jq: ['1.7.1-49', '1.6-2.1ubuntu3', 188], git: ['2.40.1-1', '1:2.34.1-1ubuntu1.11', 5320], tmux: ['3.2a-3', '3.2a-4ubuntu0.2', 476],
  vim: ['9.0.2153-1', '2:8.2.3995-1ubuntu2.17', 1720], curl: ['8.5.0-1', '7.81.0-1ubuntu1.16', 194], wget: ['1.21.3-1', '1.21.2-2ubuntu1.1', 339], unzip: ['6.0-57', '6.0-26ubuntu3.2', 174],
  nginx: ['1.24.0-1', '1.18.0-6ubuntu14.4', 598], httpd: ['2.4.62-1', '', 1480], docker: ['25.0.6-1', '', 45100], 'docker.io': ['', '24.0.7-0ubuntu2~22.04.1', 28900],
  python3: ['3.9.16-1', '3.10.6-1~22.04.1', 84], 'python3-pip': ['21.3.1-2', '22.0.2+dfsg-1ubuntu0.4', 1306], telnet: ['0.17-85', '0.17-44build1', 66], tcpdump: ['4.99.1-8', '4.99.1-3ubuntu0.2', 480],
  sysstat: ['12.5.4-2', '12.5.2-2ubuntu0.2', 490], strace: ['6.8-1', '5.16-0ubuntu3', 1340], lsof: ['4.94.0-1', '4.93.2+dfsg-1.1build2', 256], tree: ['1.8.0-6', '2.0.2-1', 55],
  'amazon-cloudwatch-agent': ['1.300049.1-1', '', 92400], postgresql15: ['15.7-1', '', 1890], redis6: ['6.2.14-1', '', 1180], 'nmap-ncat': ['7.93-1', '', 232], netcat: ['', '1.218-4ubuntu1', 34],
};

const rpmVersion = (run: ShellRun, name: string) => `${PACKAGES[name][0]}.${run.facts.family === 'rhel' ? 'el9' : 'amzn2023.0.3'}.${run.facts.arch === 'aarch64' ? 'aarch64' : 'x86_64'}`;
/** Installed on the node: its services, the base tools, and a tenth of the rest (fixed per node). */
const installedAlready = (run: ShellRun, name: string) => run.facts.services.has(name) || ['curl', 'python3', 'vim'].includes(name) || unit('package', run.facts.id, name) < 0.1;

function repoTimeout(run: ShellRun): CmdResult {
  const ms = 30000 + Math.floor(run.roll('timeout-ms') * 3);
  const [repo, url] = run.facts.family === 'rhel'
    ? ['rhel-9-baseos-rhui-rpms', `https://rhui.${run.node.region}.aws.ce.redhat.com/pulp/mirror/content/dist/rhel9/rhui/9/x86_64/baseos/os/repodata/repomd.xml`]
    : ['amazonlinux', `https://al2023-repos-${run.node.region}-de612dc2.s3.dualstack.${run.node.region}.amazonaws.com/core/mirrors/2023.5.20240805/x86_64/mirror.list`];
  const why = `Curl error (28): Timeout was reached for ${url} [Connection timed out after ${ms} milliseconds]`;
  return fail(1, `Errors during downloading metadata for repository '${repo}':\n  - ${why}\nError: Failed to download metadata for repo '${repo}': Cannot prepare internal mirrorlist: ${why}\n`);
}

function dnf(args: string[], run: ShellRun): CmdResult {
  const verb = args.find((a) => !a.startsWith('-')) ?? '';
  const names = args.filter((a) => !a.startsWith('-')).slice(1);
  const yes = args.some((a) => a === '-y' || a === '--assumeyes');
  const expired = `Last metadata expiration check: 0:${String(5 + Math.floor(run.roll('meta') * 50)).padStart(2, '0')}:${String(Math.floor(run.roll('meta-s') * 60)).padStart(2, '0')} ago on ${strftime(run.start - 3_600_000, '%a %d %b %Y %I:%M:%S %p %Z')}.`;
  if (['install', 'update', 'upgrade', 'check-update', 'makecache'].includes(verb) && strikes(run.roll, 'repoTimeout')) return repoTimeout(run);
  if (verb === 'check-update') return ok(lines([expired, '']));
  if (verb === 'install') {
    const unknown = names.find((n) => !PACKAGES[n]?.[0]);
    if (unknown) return fail(1, `Error: Unable to find a match: ${unknown}\n`, `${expired}\nNo match for argument: ${unknown}\n`);
    const todo = names.filter((n) => !installedAlready(run, n));
    if (todo.length === 0) return ok(lines([expired, ...names.map((n) => `Package ${n}-${rpmVersion(run, n)} is already installed.`), 'Dependencies resolved.', 'Nothing to do.', 'Complete!']));
    const rows = todo.map((n) => ` ${n.padEnd(16)}${(run.facts.arch === 'aarch64' ? 'aarch64' : 'x86_64').padEnd(15)}${rpmVersion(run, n).replace(/\.[^.]+$/, '').padEnd(28)}${run.facts.family === 'rhel' ? 'rhel-9-appstream-rhui-rpms' : 'amazonlinux'}  ${PACKAGES[n][2]} k`);
    const head = [expired, 'Dependencies resolved.', '='.repeat(80), ' Package         Architecture   Version                     Repository      Size', '='.repeat(80), 'Installing:', ...rows, '', 'Transaction Summary', '='.repeat(80), `Install  ${todo.length} Package${todo.length > 1 ? 's' : ''}`, ''];
    if (!yes) return fail(1, '', lines([...head, 'Is this ok [y/N]: Operation aborted.']));
    return ok(lines([...head, 'Downloading Packages:', 'Running transaction check', 'Transaction check succeeded.', 'Running transaction test', 'Transaction test succeeded.', 'Running transaction', ...todo.map((n, i) => `  Installing       : ${n}-${rpmVersion(run, n)}`.padEnd(72) + `${i + 1}/${todo.length}`), '', 'Installed:', ...todo.map((n) => `  ${n}-${rpmVersion(run, n)}`), '', 'Complete!']));
  }
  if (verb === 'update' || verb === 'upgrade') return ok(lines([expired, 'Dependencies resolved.', 'Nothing to do.', 'Complete!']));
  if (verb === 'makecache') return ok(lines([expired, 'Metadata cache created.']));
  if (verb === 'list' || verb === 'info') return ok(lines(['Installed Packages', ...names.filter((n) => PACKAGES[n]).map((n) => `${n}.${run.facts.arch}  ${PACKAGES[n][0]}  @System`)]));
  return fail(1, `No such command: ${verb}. Please use /usr/bin/dnf --help\n`);
}

function aptLock(run: ShellRun, update: boolean): CmdResult {
  const holder = `${pidOf(run.roll, 'apt')} (${run.roll('holder') < 0.6 ? 'unattended-upgr' : 'apt-get'})`;
  if (update) return fail(100, `E: Could not get lock /var/lib/apt/lists/lock. It is held by process ${holder}\nE: Unable to lock directory /var/lib/apt/lists/\n`, 'Reading package lists...\n');
  return fail(100, `E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process ${holder}\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n`);
}

const DEBCONF = 'debconf: unable to initialize frontend: Dialog\ndebconf: (TERM is not set, so the dialog frontend is not usable.)\ndebconf: falling back to frontend: Readline\ndebconf: unable to initialize frontend: Readline\ndebconf: (This frontend requires a controlling terminal.)\ndebconf: falling back to frontend: Teletype\ndpkg-preconfigure: unable to re-open stdin: \n';

function aptGet(args: string[], run: ShellRun, warn = ''): CmdResult {
  const verb = args.find((a) => !a.startsWith('-')) ?? '';
  const names = args.filter((a) => !a.startsWith('-')).slice(1);
  const code = run.facts.platformVersion.startsWith('24') ? 'noble' : 'jammy';
  const mirror = `http://${run.node.region}.ec2.archive.ubuntu.com/ubuntu`;
  if ((verb === 'update' || verb === 'install' || verb === 'upgrade') && strikes(run.roll, 'aptLock')) return withWarn(aptLock(run, verb === 'update'), warn);
  if (verb === 'update') {
    if (strikes(run.roll, 'aptMirror')) {
      const ip = `${[54, 52, 18][Math.floor(run.roll('mirror-ip') * 3)]}.${Math.floor(run.roll('ip2') * 255)}.${Math.floor(run.roll('ip3') * 255)}.${1 + Math.floor(run.roll('ip4') * 254)}`;
      return withWarn({ code: 0, out: lines([`Err:1 ${mirror} ${code} InRelease`, `  Could not connect to ${run.node.region}.ec2.archive.ubuntu.com:80 (${ip}), connection timed out`, 'Reading package lists...']), err: `W: Failed to fetch ${mirror}/dists/${code}/InRelease  Could not connect to ${run.node.region}.ec2.archive.ubuntu.com:80 (${ip}), connection timed out\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n` }, warn);
    }
    return withWarn(ok(lines([`Hit:1 ${mirror} ${code} InRelease`, `Get:2 ${mirror} ${code}-updates InRelease [128 kB]`, `Get:3 ${mirror} ${code}-backports InRelease [127 kB]`, `Get:4 http://security.ubuntu.com/ubuntu ${code}-security InRelease [129 kB]`, `Fetched 384 kB in ${1 + Math.floor(run.roll('fetch') * 3)}s (${200 + Math.floor(run.roll('rate') * 900)} kB/s)`, 'Reading package lists...'])), warn);
  }
  const reading = ['Reading package lists...', 'Building dependency tree...', 'Reading state information...'];
  if (verb === 'install') {
    const unknown = names.find((n) => !PACKAGES[n]?.[1]);
    if (unknown) return withWarn(fail(100, `E: Unable to locate package ${unknown}\n`, lines(reading)), warn);
    const todo = names.filter((n) => !installedAlready(run, n));
    if (todo.length === 0) return withWarn(ok(lines([...reading, ...names.map((n) => `${n} is already the newest version (${PACKAGES[n][1]}).`), '0 upgraded, 0 newly installed, 0 to remove and 12 not upgraded.'])), warn);
    const head = [...reading, 'The following NEW packages will be installed:', `  ${todo.join(' ')}`, `0 upgraded, ${todo.length} newly installed, 0 to remove and 12 not upgraded.`];
    if (!args.some((a) => a === '-y' || a === '--yes' || a === '-qq')) return withWarn(fail(1, '', lines([...head, 'Do you want to continue? [Y/n] Abort.'])), warn);
    const steps = todo.flatMap((n, i) => [`Get:${i + 1} ${mirror} ${code}/main amd64 ${n} amd64 ${PACKAGES[n][1]} [${PACKAGES[n][2]} kB]`, `Selecting previously unselected package ${n}.`, `Unpacking ${n} (${PACKAGES[n][1]}) ...`, `Setting up ${n} (${PACKAGES[n][1]}) ...`]);
    return withWarn({ code: 0, out: lines([...head, ...steps, 'Processing triggers for man-db (2.10.2-1) ...']), err: DEBCONF }, warn);
  }
  if (verb === 'upgrade') return withWarn(ok(lines([...reading, 'Calculating upgrade...', '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.'])), warn);
  return withWarn(fail(100, `E: Invalid operation ${verb}\n`), warn);
}

const withWarn = (r: CmdResult, warn: string): CmdResult => ({ ...r, err: warn + r.err });
const APT_WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

export function packageCommands(family: string): Record<string, Handler> {
  if (family === 'ubuntu') return { 'apt-get': (a, r) => aptGet(a, r), apt: (a, r) => aptGet(a, r, APT_WARNING) };
  return { dnf: (a, r) => dnf(a, r), yum: (a, r) => dnf(a, r), rpm: (a, r) => (a.includes('-q') ? ok(lines(a.filter((x) => !x.startsWith('-')).map((n) => (PACKAGES[n] && installedAlready(r, n) ? `${n}-${rpmVersion(r, n)}` : `package ${n} is not installed`)))) : ok()) };
}
