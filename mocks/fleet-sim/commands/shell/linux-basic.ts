/** Simple Linux commands: echo, identity, time, kernel, and the silent file operations. */
import { dateDefault, strftime } from './format';
import { fail, lines, ok, type Handler, type ShellRun } from './types';

const echo: Handler = (args) => {
  const newline = args[0] !== '-n';
  const rest = args.filter((a, i) => !(i === 0 && /^-[neE]+$/.test(a)));
  const text = args[0] === '-e' ? rest.join(' ').replace(/\\n/g, '\n').replace(/\\t/g, '\t') : rest.join(' ');
  return ok(newline ? `${text}\n` : text);
};

const printf: Handler = (args) => {
  let i = 0;
  const format = args[0] ?? '';
  return ok(format.replace(/%[sd]/g, () => args[++i] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t'));
};

function uptimeSpan(run: ShellRun): string {
  const ms = Math.max(run.start - run.facts.bootTime, 37 * 60_000);
  const days = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  return `${days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : ''}${String(h).padStart(2)}:${String(m).padStart(2, '0')}`;
}

const load = (run: ShellRun) => [run.roll('load'), run.roll('load5'), run.roll('load15')].map((v, i) => (v * [0.6, 0.4, 0.3][i] * run.facts.vcpus).toFixed(2));

const uptime: Handler = (args, run) => {
  if (args.includes('-p')) {
    const ms = Math.max(run.start - run.facts.bootTime, 37 * 60_000);
    const d = Math.floor(ms / 86_400_000);
    const weeks = Math.floor(d / 7);
    const parts = [weeks ? `${weeks} week${weeks > 1 ? 's' : ''}` : '', d % 7 ? `${d % 7} day${d % 7 > 1 ? 's' : ''}` : '', `${Math.floor((ms % 86_400_000) / 3_600_000)} hours`];
    return ok(`up ${parts.filter(Boolean).join(', ')}\n`);
  }
  if (args.includes('-s')) return ok(`${new Date(run.facts.bootTime).toISOString().slice(0, 19).replace('T', ' ')}\n`);
  return ok(` ${strftime(run.start, '%T')} up ${uptimeSpan(run)},  0 users,  load average: ${load(run).join(', ')}\n`);
};

const date: Handler = (args, run) => {
  const format = args.find((a) => a.startsWith('+'));
  if (format) return ok(`${strftime(run.start, format.slice(1))}\n`);
  if (args.includes('-Iseconds') || args.includes('--iso-8601=seconds')) return ok(`${new Date(run.start).toISOString().slice(0, 19)}+00:00\n`);
  return ok(`${dateDefault(run.start)}\n`);
};

const uname: Handler = (args, run) => {
  const f = run.facts;
  const build = f.family === 'ubuntu' ? '#16~22.04.1-Ubuntu SMP Mon Aug 19 19:38:17 UTC 2024' : f.family === 'rhel' ? '#1 SMP PREEMPT_DYNAMIC Fri Jul 19 10:55:08 EDT 2024' : '#1 SMP PREEMPT_DYNAMIC Tue Aug 13 22:28:24 UTC 2024';
  const kernel = f.family === 'ubuntu' ? f.kernel : `${f.kernel}.${f.arch}`;
  const flags = args.join('').replace(/-/g, '');
  if (flags.includes('a')) return ok(`Linux ${f.hostname} ${kernel} ${build} ${f.arch} ${f.arch} ${f.arch} GNU/Linux\n`);
  const parts: string[] = [];
  if (flags === '' || flags.includes('s')) parts.push('Linux');
  if (flags.includes('n')) parts.push(f.hostname);
  if (flags.includes('r')) parts.push(kernel);
  if (flags.includes('v')) parts.push(build);
  if (flags.includes('m') || flags.includes('p')) parts.push(f.arch);
  if (flags.includes('o')) parts.push('GNU/Linux');
  return ok(`${parts.join(' ')}\n`);
};

const hostname: Handler = (args, run) => {
  if (args.includes('-I') || args.includes('-i')) return ok(`${run.facts.ip} \n`);
  if (args.includes('-s')) return ok(`${run.facts.hostname.split('.')[0]}\n`);
  return ok(`${run.facts.hostname}\n`);
};

const sleep: Handler = (args, run) => {
  run.slept += Number(args[0]) || 0;
  return ok();
};

const silent: Handler = () => ok();

const which: Handler = (args, run) => {
  const found = args.filter((a) => !a.startsWith('-') && (BINARIES[a] !== undefined || run.facts.services.has(a)));
  const missing = args.filter((a) => !a.startsWith('-') && !found.includes(a));
  const out = lines(found.map((a) => BINARIES[a] ?? `/usr/bin/${a}`));
  return missing.length > 0 ? fail(1, '', out) : ok(out);
};

const BINARIES: Record<string, string> = {
  bash: '/usr/bin/bash', sh: '/usr/bin/sh', curl: '/usr/bin/curl', python3: '/usr/bin/python3', aws: '/usr/bin/aws', systemctl: '/usr/bin/systemctl',
  tar: '/usr/bin/tar', jq: '/usr/bin/jq', git: '/usr/bin/git', 'amazon-ssm-agent': '/usr/bin/amazon-ssm-agent',
};

export const BASIC_COMMANDS: Record<string, Handler> = {
  echo, printf, uptime, date, uname, hostname, sleep, which,
  true: silent, touch: silent, mkdir: silent, rm: silent, cp: silent, mv: silent, chmod: silent, chown: silent, ln: silent, sync: silent,
  false: () => fail(1, ''),
  whoami: () => ok('root\n'),
  id: () => ok('uid=0(root) gid=0(root) groups=0(root)\n'),
  pwd: (_args, run) => ok(`${run.cwd}\n`),
  nproc: (_args, run) => ok(`${run.facts.vcpus}\n`),
  command: (args, run, stdin) => (args[0] === '-v' ? which(args.slice(1), run, stdin) : ok()),
  env: (_args, run) => ok(lines([`HOSTNAME=${run.facts.hostname}`, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `PWD=${run.cwd}`, 'HOME=/root', 'SHLVL=1', 'LANG=C.UTF-8'])),
  'amazon-ssm-agent': (args, run) => (args.some((a) => /version/.test(a)) ? ok(`SSM Agent version: ${run.node.ssm?.agentVersion ?? ''}\n`) : ok()),
};
