/**
 * systemctl / service / journalctl over the node's installed services. Exit codes as
 * systemd's: status 3 for an inactive or failed unit, 4 for an unknown one; start/restart
 * 5 for an unknown unit, 1 when the unit's control process fails.
 */
import { serviceDown, strikes } from './failures';
import { syslogStamp, systemdAgo, systemdStamp } from './format';
import { fail, lines, ok, type CmdResult, type Handler, type ShellRun } from './types';

const DESCRIPTIONS: Record<string, string> = {
  nginx: 'The nginx HTTP and reverse proxy server', httpd: 'The Apache HTTP Server', sshd: 'OpenSSH server daemon', ssh: 'OpenBSD Secure Shell server',
  crond: 'Command Scheduler', cron: 'Regular background program processing daemon', chronyd: 'NTP client/server', chrony: 'chrony, an NTP client/server',
  'amazon-ssm-agent': 'amazon-ssm-agent', 'snap.amazon-ssm-agent.amazon-ssm-agent': 'Service for snap application amazon-ssm-agent.amazon-ssm-agent',
  docker: 'Docker Application Container Engine', postgresql: 'PostgreSQL database server', redis: 'Redis persistent key-value database', rsyslog: 'System Logging Service',
  'systemd-journald': 'Journal Service', firewalld: 'firewalld - dynamic firewall daemon', 'unattended-upgrades': 'Unattended Upgrades Shutdown',
  opensearch: 'OpenSearch', prometheus: 'Prometheus', 'grafana-server': 'Grafana instance',
};
const RELOADABLE = new Set(['nginx', 'httpd', 'sshd', 'ssh', 'rsyslog', 'postgresql', 'docker', 'redis', 'firewalld']);

const unitName = (arg: string) => arg.replace(/\.service$/, '');
/** Ubuntu's ssh.service answers to sshd too (Alias=sshd.service). */
const resolveUnit = (run: ShellRun, arg: string) => (run.facts.family === 'ubuntu' && unitName(arg) === 'sshd' ? 'ssh' : unitName(arg));
const describe = (svc: string) => DESCRIPTIONS[svc] ?? `${svc} service`;

function unitPath(run: ShellRun, svc: string): string {
  if (/^(api|worker|auth|payments)$/.test(svc)) return `/etc/systemd/system/${svc}.service`;
  if (svc.startsWith('snap.')) return `/etc/systemd/system/${svc}.service`;
  return `${run.facts.family === 'ubuntu' && run.facts.platformVersion.startsWith('22') ? '/lib' : '/usr/lib'}/systemd/system/${svc}.service`;
}

/** The unit is in a failed state: broken on this node, or a restart in this script failed. */
const isDown = (run: ShellRun, svc: string) => serviceDown(run.seed, run.facts.id, svc) || run.vars.has(`__failed:${svc}`);

function status(run: ShellRun, svc: string): CmdResult {
  if (!run.facts.services.has(svc)) return fail(4, `Unit ${svc}.service could not be found.\n`);
  const preset = run.facts.family === 'ubuntu' && run.facts.platformVersion.startsWith('22') ? 'vendor preset: enabled' : `preset: ${run.facts.family === 'ubuntu' ? 'enabled' : 'disabled'}`;
  const since = run.start - Math.max(3_600_000, run.start - run.facts.bootTime - 60_000) * (0.3 + run.roll('since', svc) * 0.7);
  const pid = 800 + Math.floor(run.roll('svcpid', svc) * 40_000);
  const host = run.facts.hostname.split('.')[0];
  const down = isDown(run, svc);
  const head = [
    `${down ? '×' : '●'} ${svc}.service - ${describe(svc)}`,
    `     Loaded: loaded (${unitPath(run, svc)}; enabled; ${preset})`,
    down ? `     Active: failed (Result: exit-code) since ${systemdStamp(since)}; ${systemdAgo(run.start - since)}` : `     Active: active (running) since ${systemdStamp(since)}; ${systemdAgo(run.start - since)}`,
  ];
  const body = down
    ? [`    Process: ${pid} ExecStart=/usr/sbin/${svc} (code=exited, status=1/FAILURE)`, `   Main PID: ${pid} (code=exited, status=1/FAILURE)`, '', `${syslogStamp(since)} ${host} systemd[1]: ${svc}.service: Failed with result 'exit-code'.`, `${syslogStamp(since)} ${host} systemd[1]: Failed to start ${svc}.service - ${describe(svc)}.`]
    : [`   Main PID: ${pid} (${svc.split('.').pop()})`, `      Tasks: ${2 + Math.floor(run.roll('tasks', svc) * 30)} (limit: ${Math.floor(run.facts.memMiB * 1.17)})`, `     Memory: ${(2 + run.roll('rss', svc) * 180).toFixed(1)}M`, `        CPU: ${(run.roll('cpu', svc) * 90).toFixed(3)}s`, `     CGroup: /system.slice/${svc}.service`, `             └─${pid} ${svc}`, '', `${syslogStamp(since)} ${host} systemd[1]: Started ${svc}.service - ${describe(svc)}.`];
  return { out: lines([...head, ...body]), err: '', code: down ? 3 : 0 };
}

function control(run: ShellRun, verb: string, svc: string): CmdResult {
  if (!run.facts.services.has(svc)) return fail(5, `Failed to ${verb} ${svc}.service: Unit ${svc}.service not found.\n`);
  if (verb === 'stop') return ok();
  if (verb === 'reload' && !RELOADABLE.has(svc)) return fail(1, `Failed to reload ${svc}.service: Job type reload is not applicable for unit ${svc}.service.\n`);
  if (isDown(run, svc) || strikes(run.roll, 'serviceStart', svc)) {
    run.vars.set(`__failed:${svc}`, '1');
    return fail(1, `Job for ${svc}.service failed because the control process exited with error code.\nSee "systemctl status ${svc}.service" and "journalctl -xeu ${svc}.service" for details.\n`);
  }
  return ok();
}

const systemctl: Handler = (args, run) => {
  const [verb, ...rest] = args.filter((a) => !a.startsWith('--') && a !== '-q');
  const units = rest.map((u) => resolveUnit(run, u));
  if (verb === 'status') {
    const results = units.map((u) => status(run, u));
    return { out: results.map((r) => r.out).filter(Boolean).join('\n'), err: results.map((r) => r.err).join(''), code: Math.max(0, ...results.map((r) => r.code)) };
  }
  if (verb === 'is-active') {
    const states = units.map((u) => (!run.facts.services.has(u) ? 'inactive' : isDown(run, u) ? 'failed' : 'active'));
    return { out: args.includes('--quiet') || args.includes('-q') ? '' : lines(states), err: '', code: states.every((s) => s === 'active') ? 0 : 3 };
  }
  if (verb === 'is-enabled') return units.every((u) => run.facts.services.has(u)) ? ok(lines(units.map(() => 'enabled'))) : fail(1, '', lines(units.map((u) => (run.facts.services.has(u) ? 'enabled' : 'not-found'))));
  if (['start', 'restart', 'reload', 'stop', 'try-restart', 'reload-or-restart'].includes(verb)) {
    for (const u of units) {
      const r = control(run, verb.replace(/^(try|reload-or)-/, ''), u);
      if (r.code !== 0) return r;
    }
    return ok();
  }
  if (verb === 'daemon-reload' || verb === 'enable' || verb === 'disable') return ok();
  if (verb === 'list-units' || verb === undefined) {
    const rows = [...run.facts.services].map((s) => `  ${`${s}.service`.padEnd(44)} loaded ${isDown(run, s) ? 'failed failed ' : 'active running'} ${describe(s)}`);
    return ok(lines(['  UNIT                                         LOAD   ACTIVE SUB     DESCRIPTION', ...rows, '', `${rows.length} loaded units listed.`]));
  }
  return fail(1, `Unknown command verb '${verb}'.\n`);
};

const service: Handler = (args, run, stdin) => systemctl([args[1] ?? 'status', args[0] ?? ''], run, stdin);

const journalctl: Handler = (args, run) => {
  const svc = unitName(args[args.indexOf('-u') + 1] ?? 'systemd');
  const n = Number(args[args.indexOf('-n') + 1]) || 10;
  const host = run.facts.hostname.split('.')[0];
  const out = Array.from({ length: Math.min(n, 50) }, (_, i) => `${syslogStamp(run.start - (n - i) * 61_000)} ${host} ${svc}[${900 + i}]: ${isDown(run, svc) ? `${svc}.service: Main process exited, code=exited, status=1/FAILURE` : 'heartbeat ok'}`);
  return ok(lines(out));
};

export const SERVICE_COMMANDS: Record<string, Handler> = { systemctl, service, journalctl };
