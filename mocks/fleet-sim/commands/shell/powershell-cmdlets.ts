/**
 * Windows PowerShell cmdlets and tools: services, hot fixes, processes, computer info,
 * ipconfig, dates, Test-NetConnection. Errors are PowerShell error records (the
 * interpreter adds the "At ...:line char:1" part); `throwErr` marks them.
 */
import { patchList } from '../../patches';
import { serviceDown, strikes } from './failures';
import { table } from './format';
import { lines, ok, type CmdResult, type ShellRun } from './types';

export interface PsError {
  cmdlet: string;
  message: string;
  category: string;
  target: string;
  exception: string;
  errorId: string;
}

export type PsResult = CmdResult & { error?: PsError };
export type Cmdlet = (args: string[], run: ShellRun, input: string) => PsResult;

const DISPLAY: Record<string, string> = {
  W32Time: 'Windows Time', Spooler: 'Print Spooler', WinRM: 'Windows Remote Management (WS-Management)', AmazonSSMAgent: 'Amazon SSM Agent', Dnscache: 'DNS Client',
  wuauserv: 'Windows Update', EventLog: 'Windows Event Log', LanmanServer: 'Server', LanmanWorkstation: 'Workstation', Schedule: 'Task Scheduler', TermService: 'Remote Desktop Services',
  EC2Launch: 'Amazon EC2Launch', W3SVC: 'World Wide Web Publishing Service', WAS: 'Windows Process Activation Service', MSSQLSERVER: 'SQL Server (MSSQLSERVER)',
  SQLSERVERAGENT: 'SQL Server Agent (MSSQLSERVER)', NTDS: 'Active Directory Domain Services', DNS: 'DNS Server', Netlogon: 'Netlogon', DFSR: 'DFS Replication', ReportServer: 'SQL Server Reporting Services',
};

const named = (args: string[]) => args.filter((a, i) => !a.startsWith('-') && !/^-(Seconds|Port|Tail|First|Last|ComputerName)$/i.test(args[i - 1] ?? ''));
const running = (run: ShellRun, svc: string) => svc !== 'wuauserv' && !serviceDown(run.seed, run.facts.id, svc) && !run.vars.has(`__failed:${svc}`);

function notFound(svc: string, cmdlet: string): PsResult {
  return { out: '', err: '', code: 1, error: { cmdlet, message: `Cannot find any service with service name '${svc}'.`, category: 'ObjectNotFound', target: `${svc}:String`, exception: 'ServiceCommandException', errorId: `NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.${cmdlet.replace('-', '')}Command` } };
}

const getService: Cmdlet = (args, run) => {
  const wanted = named(args);
  const missing = wanted.find((s) => !run.facts.services.has(s));
  if (missing) return notFound(missing, 'Get-Service');
  const services = wanted.length > 0 ? wanted : [...run.facts.services].sort();
  const rows = services.map((s) => [running(run, s) ? 'Running' : 'Stopped', s, DISPLAY[s] ?? s]);
  return ok(`\n${lines(table([['Status', 'Name', 'DisplayName'], ['------', '----', '-----------'], ...rows]))}\n\n`);
};

const restartService: Cmdlet = (args, run) => {
  const [svc] = named(args);
  if (!run.facts.services.has(svc)) return notFound(svc, 'Restart-Service');
  const display = `${DISPLAY[svc] ?? svc} (${svc})`;
  if (svc === 'Dnscache') {
    return { out: '', err: '', code: 1, error: { cmdlet: 'Restart-Service', message: `Service '${display}' cannot be stopped due to the following error: Cannot open ${svc} service on computer '.'.`, category: 'CloseError', target: 'System.ServiceProcess.ServiceController:ServiceController', exception: 'ServiceCommandException', errorId: 'CouldNotStopService,Microsoft.PowerShell.Commands.RestartServiceCommand' } };
  }
  if (serviceDown(run.seed, run.facts.id, svc) || strikes(run.roll, 'windowsServiceStart', svc)) {
    run.vars.set(`__failed:${svc}`, '1');
    return { out: '', err: '', code: 1, error: { cmdlet: 'Restart-Service', message: `Failed to start service '${display}'.`, category: 'OpenError', target: 'System.ServiceProcess.ServiceController:ServiceController', exception: 'ServiceCommandException', errorId: 'StartServiceFailed,Microsoft.PowerShell.Commands.RestartServiceCommand' } };
  }
  const slow = /MSSQL|SQL|ReportServer|NTDS/.test(svc) || run.roll('slow', svc) < 0.2;
  return ok(slow ? `WARNING: Waiting for service '${display}' to start...\n` : '');
};

const getHotFix: Cmdlet = (_args, run) => {
  const installed = (patchList(run.node) ?? []).filter((e) => e.state === 'Installed' || e.state === 'InstalledOther').slice(-12);
  const host = run.facts.hostname;
  const day = (ms: number) => {
    const d = new Date(ms);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} 12:00:00 AM`;
  };
  const rows = installed.map((e) => [host, /Security/.test(e.def.classification) ? 'Security Update' : 'Update', e.def.kbId, 'NT AUTHORITY\\SYSTEM', day(e.installedTime ?? run.start)]);
  return ok(`\n${lines(table([['Source', 'Description', 'HotFixID', 'InstalledBy', 'InstalledOn'], ['------', '-----------', '--------', '-----------', '-----------'], ...rows]))}\n\n`);
};

const getProcess: Cmdlet = (_args, run) => {
  const names = ['amazon-ssm-agent', 'ssm-agent-worker', 'svchost', 'lsass', 'services', 'wininit', 'csrss', 'powershell', ...[...run.facts.services].filter((s) => /W3SVC|MSSQL|ReportServer/.test(s)).map((s) => (s === 'W3SVC' ? 'w3wp' : s === 'MSSQLSERVER' ? 'sqlservr' : 'ReportingServicesService'))];
  const rows = names.map((n) => [String(100 + Math.floor(run.roll('h', n) * 900)), String(8 + Math.floor(run.roll('npm', n) * 40)), String(2000 + Math.floor(run.roll('pm', n) * 90000)), String(6000 + Math.floor(run.roll('ws', n) * 120000)), (run.roll('cpu', n) * 60).toFixed(2), String(400 + Math.floor(run.roll('id', n) * 9000)), '0', n]);
  return ok(`\n${lines(table([['Handles', 'NPM(K)', 'PM(K)', 'WS(K)', 'CPU(s)', 'Id', 'SI', 'ProcessName'], ['-------', '------', '-----', '-----', '------', '--', '--', '-----------'], ...rows], [0, 1, 2, 3, 4, 5, 6]))}\n`);
};

const winVersion = (run: ShellRun) => (run.facts.platformVersion.endsWith('20348') ? ['Windows Server 2022 Datacenter', '20348'] : ['Windows Server 2019 Datacenter', '17763']);

const getComputerInfo: Cmdlet = (_args, run) => {
  const [product, build] = winVersion(run);
  const props: Array<[string, string | number]> = [
    ['WindowsBuildLabEx', `${build}.1.amd64fre.${build === '20348' ? 'fe_release.210507-1500' : 'rs5_release.180914-1434'}`], ['WindowsCurrentVersion', '6.3'], ['WindowsEditionId', 'ServerDatacenter'],
    ['WindowsInstallationType', 'Server'], ['WindowsProductName', product], ['CsDNSHostName', run.facts.hostname], ['CsDomain', 'WORKGROUP'], ['CsName', run.facts.hostname],
    ['CsNumberOfLogicalProcessors', run.facts.vcpus], ['CsTotalPhysicalMemory', run.facts.memMiB * 1024 * 1024], ['OsName', `Microsoft ${product}`], ['OsVersion', run.facts.platformVersion],
    ['OsBuildNumber', build], ['OsLastBootUpTime', new Date(run.facts.bootTime).toLocaleString('en-US', { timeZone: 'UTC' }).replace(',', '')], ['TimeZone', '(UTC) Coordinated Universal Time'],
  ];
  return ok(`\n${props.map(([k, v]) => `${k.padEnd(56)}: ${v}`).join('\n')}\n\n\n`);
};

const ipconfig: Cmdlet = (_args, run) => {
  const o = run.facts.ip.split('.');
  return ok(`\nWindows IP Configuration\n\n\nEthernet adapter Ethernet:\n\n   Connection-specific DNS Suffix  . : ${run.node.region === 'us-east-1' ? 'ec2.internal' : `${run.node.region}.compute.internal`}\n   Link-local IPv6 Address . . . . . : fe80::${run.facts.mac.slice(3).replace(/:/g, '').slice(0, 4)}:${run.facts.mac.slice(9).replace(/:/g, '')}%6\n   IPv4 Address. . . . . . . . . . . : ${run.facts.ip}\n   Subnet Mask . . . . . . . . . . . : 255.255.240.0\n   Default Gateway . . . . . . . . . : ${o[0]}.${o[1]}.${Number(o[2]) & ~15}.1\n`);
};

const getDate: Cmdlet = (_args, run) => {
  const d = new Date(run.start);
  return ok(`\n${d.toLocaleString('en-US', { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })} ${d.toLocaleTimeString('en-US', { timeZone: 'UTC' })}\n\n\n`);
};

const testNetConnection: Cmdlet = (args, run) => {
  const host = named(args)[0] ?? 'internetbeacon.msedge.net';
  const port = args[args.findIndex((a) => /^-Port$/i.test(a)) + 1] ?? '80';
  const address = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : `10.${Math.floor(run.roll('tnc2') * 255)}.${Math.floor(run.roll('tnc3') * 255)}.${Math.floor(run.roll('tnc4') * 255)}`;
  const failed = strikes(run.roll, 'curlTimeout', host);
  const warn = failed ? `WARNING: TCP connect to (${address} : ${port}) failed\n` : '';
  return ok(`${warn}\n\nComputerName     : ${host}\nRemoteAddress    : ${address}\nRemotePort       : ${port}\nInterfaceAlias   : Ethernet\nSourceAddress    : ${run.facts.ip}\nTcpTestSucceeded : ${failed ? 'False' : 'True'}\n\n\n`);
};

function getContent(args: string[], run: ShellRun): PsResult {
  const path = named(args)[0] ?? '';
  const full = /^[A-Za-z]:/.test(path) ? path : `C:${path.replace(/\//g, '\\')}`;
  if (/amazon-ssm-agent\.log$/i.test(path)) return ok(`${new Date(run.start - 60_000).toISOString().slice(0, 19).replace('T', ' ')} INFO [ssm-agent-worker] [MessageService] SendReply for document completed\n`);
  return { out: '', err: '', code: 1, error: { cmdlet: 'Get-Content', message: `Cannot find path '${full}' because it does not exist.`, category: 'ObjectNotFound', target: `${full}:String`, exception: 'ItemNotFoundException', errorId: 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand' } };
}

export const CMDLETS: Record<string, Cmdlet> = {
  'get-service': getService, 'restart-service': restartService, 'start-service': restartService, 'stop-service': (a, r) => (r.facts.services.has(named(a)[0]) ? ok() : notFound(named(a)[0], 'Stop-Service')),
  'get-hotfix': getHotFix, 'get-process': getProcess, 'get-computerinfo': getComputerInfo, ipconfig, 'get-date': getDate, 'test-netconnection': testNetConnection,
  hostname: (_a, r) => ok(`${r.facts.hostname}\n`), whoami: () => ok('nt authority\\system\n'), 'get-content': getContent,
};

// Windows PowerShell's built-in aliases for the cmdlets above.
for (const [alias, name] of [['gsv', 'get-service'], ['ps', 'get-process'], ['gps', 'get-process'], ['date', 'get-date'], ['gc', 'get-content'], ['cat', 'get-content'], ['type', 'get-content']]) CMDLETS[alias] = CMDLETS[name];
