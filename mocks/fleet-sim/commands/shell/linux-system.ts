/** System state: df, free, ps, ip addr. Figures come from the node's facts and the run's rolls. */
import { hasFullDisk } from './failures';
import { human, table } from './format';
import { lines, ok, type Handler, type ShellRun } from './types';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function filesystems(run: ShellRun): Array<[string, number, number, string]> {
  const f = run.facts;
  const mem = f.memMiB * MiB;
  const used = hasFullDisk(run.seed, f.id) ? 1 : f.diskUsedPct / 100;
  const root = f.diskGiB * GiB;
  const rootDev = f.family === 'ubuntu' ? '/dev/root' : f.family === 'rhel' ? '/dev/nvme0n1p4' : '/dev/nvme0n1p1';
  const rows: Array<[string, number, number, string]> = [[rootDev, root, root * used, '/'], ['tmpfs', mem / 2, 0, '/dev/shm'], ['tmpfs', mem / 5, 452 * 1024, '/run']];
  if (f.family === 'amazon-linux') {
    rows.unshift(['devtmpfs', 4 * MiB, 0, '/dev']);
    rows.push(['tmpfs', mem / 2, 0, '/tmp'], ['/dev/nvme0n1p128', 10 * MiB, 1.3 * MiB, '/boot/efi']);
  } else if (f.family === 'ubuntu') rows.push(['tmpfs', 5 * MiB, 0, '/run/lock'], ['/dev/nvme0n1p16', 881 * MiB, 133 * MiB, '/boot'], ['/dev/nvme0n1p15', 105 * MiB, 6.1 * MiB, '/boot/efi']);
  else rows.push(['/dev/nvme0n1p3', 960 * MiB, 232 * MiB, '/boot'], ['/dev/nvme0n1p2', 200 * MiB, 7.1 * MiB, '/boot/efi']);
  rows.push(['tmpfs', mem / 10, 0, '/run/user/0']);
  return rows;
}

const df: Handler = (args, run) => {
  const h = args.some((a) => /^-[a-zA-Z]*[hH]/.test(a));
  const only = args.filter((a) => !a.startsWith('-'));
  const rows = filesystems(run).filter(([, , , mount]) => only.length === 0 || only.some((o) => o === mount || (o.startsWith('/') && mount === '/' && !o.startsWith('/boot') && !o.startsWith('/run'))));
  const fmt = (b: number) => (h ? (b === 0 ? '0' : human(b)) : String(Math.round(b / 1024)));
  const body = rows.map(([dev, size, used, mount]) => [dev, fmt(size), fmt(used), fmt(size - used), `${size === 0 ? 0 : Math.ceil((used / size) * 100)}%`, mount]);
  return ok(lines(table([['Filesystem', h ? ' Size' : '1K-blocks', ' Used', 'Avail', 'Use%', 'Mounted on'], ...body], [1, 2, 3, 4])));
};

const free: Handler = (args, run) => {
  const total = run.facts.memMiB;
  const used = Math.round(total * (0.12 + run.roll('mem') * 0.5));
  const cache = Math.round(total * 0.1 + run.roll('cache') * total * 0.2);
  const vals = [total, used, total - used - cache, 2 + Math.floor(run.roll('shm') * 20), cache, total - used];
  const h = args.includes('-h');
  const fmt = (mib: number) => (h ? (mib === 0 ? '0B' : human(mib * MiB, true)) : args.includes('-g') ? String(Math.floor(mib / 1024)) : String(args.includes('-m') ? mib : mib * 1024));
  const row = (label: string, cells: string[]) => label.padEnd(8) + cells.map((c) => c.padStart(12)).join('');
  return ok(lines([row('', ['total', 'used', 'free', 'shared', 'buff/cache', 'available']).trimEnd(), row('Mem:', vals.map(fmt)), row('Swap:', [0, 0, 0].map(fmt))]));
};

const PROCESS_OF: Record<string, string> = {
  nginx: 'nginx: master process /usr/sbin/nginx', httpd: '/usr/sbin/httpd -DFOREGROUND', docker: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
  postgresql: '/usr/bin/postgres -D /var/lib/pgsql/data', redis: '/usr/bin/redis-server 127.0.0.1:6379', sshd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
  ssh: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', chronyd: '/usr/sbin/chronyd -F 2', chrony: '/usr/sbin/chronyd -F 1', crond: '/usr/sbin/crond -n', cron: '/usr/sbin/cron -f -P',
  'amazon-ssm-agent': '/usr/bin/amazon-ssm-agent', 'snap.amazon-ssm-agent.amazon-ssm-agent': '/snap/amazon-ssm-agent/9565/amazon-ssm-agent', rsyslog: '/usr/sbin/rsyslogd -n',
};

const ps: Handler = (_args, run) => {
  const f = run.facts;
  const rows = [['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'], ['root', '1', '0.0', '0.1', '105748', '13568', '?', 'Ss', 'May12', '0:14', '/usr/lib/systemd/systemd --switched-root --system --deserialize=32'], ['root', '2', '0.0', '0.0', '0', '0', '?', 'S', 'May12', '0:00', '[kthreadd]']];
  let pid = 600 + Math.floor(run.roll('ps') * 300);
  for (const svc of f.services) {
    const cmd = PROCESS_OF[svc] ?? (/^(api|worker|auth|payments)$/.test(svc) ? `/opt/${svc}/bin/${svc} --config /etc/${svc}/config.yaml` : undefined);
    if (!cmd) continue;
    pid += 17 + Math.floor(run.roll('ps', svc) * 900);
    rows.push(['root', String(pid), (run.roll('cpu', svc) * 3).toFixed(1), (run.roll('mem', svc) * 4).toFixed(1), String(200000 + Math.floor(run.roll('vsz', svc) * 900000)), String(8000 + Math.floor(run.roll('rss', svc) * 90000)), '?', 'Ssl', 'May12', `${Math.floor(run.roll('t', svc) * 90)}:${String(Math.floor(run.roll('s', svc) * 60)).padStart(2, '0')}`, cmd]);
  }
  rows.push(['root', String(pid + 30000), '0.0', '0.0', '7480', '3328', '?', 'S', 'May12', '0:00', `sh -c ${run.scriptPath}`], ['root', String(pid + 30002), '0.0', '0.0', '10100', '3456', '?', 'R', 'May12', '0:00', 'ps aux']);
  return ok(lines(table(rows, [1, 2, 3, 4, 5])));
};

const ipAddr: Handler = (args, run) => {
  const f = run.facts;
  if (args[0] && !/^(a|addr|address)$/.test(args[0]) && args[0] !== '-4' && args[0] !== '-br') return ok('default via 10.0.0.1 dev ens5 proto dhcp src ' + f.ip + ' metric 512\n');
  const octets = f.ip.split('.');
  const bcast = `${octets[0]}.${octets[1]}.${Number(octets[2]) | 15}.255`;
  const v6 = `fe80::${f.mac.slice(0, 2).replace('0a', '8')}${f.mac.slice(3, 5)}:${f.mac.slice(6, 8)}ff:fe${f.mac.slice(9, 11)}:${f.mac.slice(12, 14)}${f.mac.slice(15, 17)}`;
  const out = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000', '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever',
    '2: ens5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP group default qlen 1000', `    link/ether ${f.mac} brd ff:ff:ff:ff:ff:ff`, '    altname enp0s5',
    `    inet ${f.ip}/20 metric 512 brd ${bcast} scope global dynamic ens5`, `       valid_lft ${1800 + Math.floor(run.roll('lease') * 1800)}sec preferred_lft ${1800 + Math.floor(run.roll('lease') * 1800)}sec`,
    `    inet6 ${v6}/64 scope link`, '       valid_lft forever preferred_lft forever',
  ];
  if (f.services.has('docker')) out.push('3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default', '    link/ether 02:42:5c:1e:9a:03 brd ff:ff:ff:ff:ff:ff', '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0', '       valid_lft forever preferred_lft forever');
  return ok(lines(out));
};

export const SYSTEM_COMMANDS: Record<string, Handler> = { df, free, ps, ip: ipAddr };
