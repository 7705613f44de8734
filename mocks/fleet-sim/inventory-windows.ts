/**
 * What the SSM Agent's gatherers report on the simulated Windows Server nodes: installed
 * programs (AWS:Application, from the uninstall registry: Name, Publisher, Version,
 * InstalledTime, Architecture, PackageId = MSI product code), services (AWS:Service) and
 * roles/features (AWS:WindowsRole). Windows updates (AWS:WindowsUpdate) come from the
 * node's patch list (the same KBs Get-HotFix shows).
 */
import type { ProfileSpec, SourceSpec, VersionSpec } from './inventory-types';

const v = (version: string, w = 1, outdated = false, name?: string): VersionSpec => ({ v: version, w, outdated: outdated || undefined, name });

const MS = 'Microsoft Corporation';
const AWS = 'Amazon Web Services';
const IIS_APPS = ['iis-web'] as const;
const SQL_APPS = ['sql', 'reporting'] as const;

const SOURCES: Record<string, SourceSpec> = {
  'ssm-agent': { agent: true, versions: [v('0')] },
  ec2launch: { versions: [v('2.0.1924.0', 40, true), v('2.0.2107.0', 60)] },
  'aws-tools': { versions: [v('3.15.2073.0', 40), v('3.15.2175.0', 60)] },
  'pv-drivers': { versions: [v('8.4.3', 45, true), v('8.5.0', 55)] },
  'cfn-bootstrap': { versions: [v('2.0.29', 50), v('2.0.31', 50)] },
  'vc2019-x64': {
    versions: [
      { ...v('14.29.30133.0', 45, true), names: {
        'vc-redist-x64': 'Microsoft Visual C++ 2015-2019 Redistributable (x64) - 14.29.30133',
        'vc-min-x64': 'Microsoft Visual C++ 2019 X64 Minimum Runtime - 14.29.30133',
        'vc-add-x64': 'Microsoft Visual C++ 2019 X64 Additional Runtime - 14.29.30133',
      } },
      { ...v('14.40.33810.0', 55), names: {
        'vc-redist-x64': 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810',
        'vc-min-x64': 'Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.40.33810',
        'vc-add-x64': 'Microsoft Visual C++ 2022 X64 Additional Runtime - 14.40.33810',
      } },
    ],
  },
  'vc2019-x86': {
    versions: [
      { ...v('14.29.30133.0', 60, true), names: {
        'vc-redist-x86': 'Microsoft Visual C++ 2015-2019 Redistributable (x86) - 14.29.30133',
        'vc-min-x86': 'Microsoft Visual C++ 2019 X86 Minimum Runtime - 14.29.30133',
        'vc-add-x86': 'Microsoft Visual C++ 2019 X86 Additional Runtime - 14.29.30133',
      } },
      { ...v('14.40.33810.0', 40), names: {
        'vc-redist-x86': 'Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.40.33810',
        'vc-min-x86': 'Microsoft Visual C++ 2022 X86 Minimum Runtime - 14.40.33810',
        'vc-add-x86': 'Microsoft Visual C++ 2022 X86 Additional Runtime - 14.40.33810',
      } },
    ],
  },
  chrome: { versions: [v('126.0.6478.127', 25, true), v('128.0.6613.120', 30, true), v('131.0.6778.86', 45)] },
  '7zip': { versions: [v('23.01', 40, true, '7-Zip 23.01 (x64)'), v('24.08', 60, false, '7-Zip 24.08 (x64)')] },
  notepadpp: { versions: [v('8.6.9', 40, true), v('8.7.1', 60)] },
  edge: { versions: [v('128.0.2739.79', 35, true), v('131.0.2903.70', 65)] },
  'edge-update': { versions: [v('1.3.195.31')] },
  pwsh: { versions: [v('7.2.21.0', 30, true), v('7.4.5.0', 70)] },
  git: { versions: [v('2.45.2', 40, true), v('2.47.0', 60)] },
  python: { versions: [v('3.11.9150.0', 1, false, 'Python 3.11.9 (64-bit)')] },
  firefox: { versions: [v('115.16.1', 30, true, 'Mozilla Firefox ESR (x64 en-US)'), v('128.3.1', 70, false, 'Mozilla Firefox ESR (x64 en-US)')] },
  dotnet: { versions: [v('48.132.21047', 40, true, 'Microsoft .NET Runtime - 6.0.33 (x64)'), v('64.32.21009', 60, false, 'Microsoft .NET Runtime - 8.0.8 (x64)')] },
  'aspnet-hosting': { versions: [v('8.0.8.24366', 1, false, 'Microsoft .NET 8.0.8 - Windows Server Hosting')] },
  'aspnet-core': { versions: [v('8.0.8.24366', 1, false, 'Microsoft ASP.NET Core 8.0.8 - Shared Framework (x64)')] },
  'url-rewrite': { versions: [v('7.2.1993')] },
  webdeploy: { versions: [v('10.0.8616.0')] },
  'sql-engine': { versions: [v('15.0.4375.4', 35, true), v('15.0.4385.2', 65)] },
  'sql-setup': { versions: [v('15.0.4375.4', 35, true), v('15.0.4385.2', 65)] },
  odbc17: { versions: [v('17.10.5.1', 40, true), v('17.10.6.1', 60)] },
  oledb: { versions: [v('18.7.4.0')] },
  ssms: { versions: [v('19.3.4.0', 40), v('20.2.30.0', 60)] },
  ssrs: { versions: [v('15.0.9098.6136')] },
  reportviewer: { versions: [v('12.0.2402.15')] },
  entra: { versions: [v('2.3.20.0')] },
};

export function windowsProfileSpec(key: 'win2019' | 'win2022'): ProfileSpec {
  const win2019 = key === 'win2019';
  return {
    family: 'windows',
    publisher: MS,
    sources: SOURCES,
    packages: [
      { name: 'Amazon SSM Agent', source: 'ssm-agent', publisher: AWS, i386: true },
      { name: 'Amazon EC2Launch', source: 'ec2launch', publisher: AWS },
      { name: 'AWS Tools for Windows', source: 'aws-tools', publisher: AWS, i386: true, p: 0.6 },
      { name: 'AWS PV Drivers', source: 'pv-drivers', publisher: AWS, p: win2019 ? 0.5 : 0.15 },
      { name: 'aws-cfn-bootstrap', source: 'cfn-bootstrap', publisher: AWS, p: 0.3 },
      { name: 'vc-redist-x64', source: 'vc2019-x64', i386: true },
      { name: 'vc-min-x64', source: 'vc2019-x64' },
      { name: 'vc-add-x64', source: 'vc2019-x64' },
      { name: 'vc-redist-x86', source: 'vc2019-x86', i386: true, p: 0.7 },
      { name: 'vc-min-x86', source: 'vc2019-x86', i386: true, requires: 'vc-redist-x86' },
      { name: 'vc-add-x86', source: 'vc2019-x86', i386: true, requires: 'vc-redist-x86' },
      { name: 'Google Chrome', source: 'chrome', publisher: 'Google LLC', p: 0.4 },
      { name: '7-Zip', source: '7zip', publisher: 'Igor Pavlov', p: 0.5 },
      { name: 'Notepad++ (64-bit x64)', source: 'notepadpp', publisher: 'Notepad++ Team', p: 0.3 },
      { name: 'Microsoft Edge', source: 'edge', p: win2019 ? 0.5 : 0.7, i386: true },
      { name: 'Microsoft Edge Update', source: 'edge-update', requires: 'Microsoft Edge', i386: true },
      { name: 'Microsoft Edge WebView2 Runtime', source: 'edge', requires: 'Microsoft Edge', i386: true },
      { name: 'PowerShell 7-x64', source: 'pwsh', p: 0.4 },
      { name: 'Git', source: 'git', publisher: 'The Git Development Community', p: 0.2 },
      { name: 'Python', source: 'python', publisher: 'Python Software Foundation', p: 0.15 },
      { name: 'Mozilla Firefox', source: 'firefox', publisher: 'Mozilla', p: 0.1 },
      { name: 'Microsoft .NET Runtime', source: 'dotnet', p: 0.5 },
      { name: 'Microsoft .NET Windows Server Hosting', source: 'aspnet-hosting', apps: IIS_APPS, i386: true },
      { name: 'Microsoft ASP.NET Core Shared Framework', source: 'aspnet-core', apps: IIS_APPS },
      { name: 'IIS URL Rewrite Module 2', source: 'url-rewrite', apps: IIS_APPS, p: 0.8 },
      { name: 'Microsoft Web Deploy 4.0', source: 'webdeploy', apps: IIS_APPS, p: 0.6 },
      { name: 'SQL Server 2019 Database Engine Services', source: 'sql-engine', apps: ['sql'] },
      { name: 'Microsoft SQL Server 2019 Setup (English)', source: 'sql-setup', apps: ['sql'] },
      { name: 'Microsoft ODBC Driver 17 for SQL Server', source: 'odbc17', apps: SQL_APPS },
      { name: 'Microsoft OLE DB Driver for SQL Server', source: 'oledb', apps: SQL_APPS },
      { name: 'SQL Server Management Studio', source: 'ssms', apps: ['sql'], p: 0.5, i386: true },
      { name: 'Microsoft SQL Server Reporting Services', source: 'ssrs', apps: ['reporting'] },
      { name: 'Microsoft Report Viewer 2015 Runtime', source: 'reportviewer', apps: ['reporting'], i386: true },
      { name: 'Microsoft Entra Connect Sync', source: 'entra', apps: ['ad'], p: 0.3 },
    ],
  };
}

/* ------------------------------------------------------------------ services */

export interface WindowsService {
  name: string;
  display: string;
  type: 'Win32OwnProcess' | 'Win32ShareProcess';
  start: 'Automatic' | 'Manual' | 'Disabled';
  running: boolean;
  dependent?: string;
  dependsOn?: string;
}

const svc = (name: string, display: string, type: WindowsService['type'], start: WindowsService['start'], running: boolean, dependsOn?: string, dependent?: string): WindowsService =>
  ({ name, display, type, start, running, dependsOn, dependent });

/** Every Windows node's base services (plus those of its role, listed in ROLE_SERVICES). */
export const WINDOWS_BASE_SERVICES: readonly WindowsService[] = [
  svc('AmazonSSMAgent', 'Amazon SSM Agent', 'Win32OwnProcess', 'Automatic', true),
  svc('BITS', 'Background Intelligent Transfer Service', 'Win32ShareProcess', 'Manual', false, 'RpcSs'),
  svc('CryptSvc', 'Cryptographic Services', 'Win32ShareProcess', 'Automatic', true, 'RpcSs'),
  svc('Dhcp', 'DHCP Client', 'Win32ShareProcess', 'Automatic', true, 'NSI Afd Tdx', 'WinHttpAutoProxySvc'),
  svc('Dnscache', 'DNS Client', 'Win32ShareProcess', 'Automatic', true, 'nsi Tdx'),
  svc('EC2Launch', 'Amazon EC2Launch', 'Win32OwnProcess', 'Automatic', true),
  svc('EventLog', 'Windows Event Log', 'Win32ShareProcess', 'Automatic', true, undefined, 'Wecsvc NlaSvc netprofm'),
  svc('LanmanServer', 'Server', 'Win32ShareProcess', 'Automatic', true, 'SamSS Srv2'),
  svc('LanmanWorkstation', 'Workstation', 'Win32ShareProcess', 'Automatic', true, 'Bowser MRxSmb20 NSI', 'SessionEnv Netlogon'),
  svc('MpsSvc', 'Windows Defender Firewall', 'Win32ShareProcess', 'Automatic', true, 'mpsdrv bfe'),
  svc('RpcSs', 'Remote Procedure Call (RPC)', 'Win32ShareProcess', 'Automatic', true, 'RpcEptMapper DcomLaunch'),
  svc('Schedule', 'Task Scheduler', 'Win32ShareProcess', 'Automatic', true, 'RPCSS SystemEventsBroker'),
  svc('Spooler', 'Print Spooler', 'Win32OwnProcess', 'Automatic', true, 'RPCSS http'),
  svc('TermService', 'Remote Desktop Services', 'Win32ShareProcess', 'Manual', true, 'RPCSS', 'UmRdpService'),
  svc('TrustedInstaller', 'Windows Modules Installer', 'Win32OwnProcess', 'Manual', false),
  svc('W32Time', 'Windows Time', 'Win32ShareProcess', 'Automatic', true),
  svc('WinDefend', 'Microsoft Defender Antivirus Service', 'Win32OwnProcess', 'Automatic', true, 'RpcSs'),
  svc('WinRM', 'Windows Remote Management (WS-Management)', 'Win32ShareProcess', 'Automatic', true, 'RPCSS HTTP'),
  svc('wuauserv', 'Windows Update', 'Win32ShareProcess', 'Manual', false, 'rpcss'),
];

export const ROLE_SERVICES: Record<string, readonly WindowsService[]> = {
  'iis-web': [
    svc('W3SVC', 'World Wide Web Publishing Service', 'Win32ShareProcess', 'Automatic', true, 'WAS HTTP'),
    svc('WAS', 'Windows Process Activation Service', 'Win32ShareProcess', 'Manual', true, 'RPCSS', 'W3SVC'),
  ],
  sql: [
    svc('MSSQLSERVER', 'SQL Server (MSSQLSERVER)', 'Win32OwnProcess', 'Automatic', true, undefined, 'SQLSERVERAGENT'),
    svc('SQLSERVERAGENT', 'SQL Server Agent (MSSQLSERVER)', 'Win32OwnProcess', 'Automatic', true, 'MSSQLSERVER'),
  ],
  ad: [
    svc('NTDS', 'Active Directory Domain Services', 'Win32ShareProcess', 'Automatic', true, 'EventSystem RPCSS', 'DNS'),
    svc('DNS', 'DNS Server', 'Win32OwnProcess', 'Automatic', true, 'Afd Tcpip RpcSs NTDS'),
    svc('Netlogon', 'Netlogon', 'Win32ShareProcess', 'Automatic', true, 'LanmanWorkstation'),
  ],
  fileserver: [svc('DFSR', 'DFS Replication', 'Win32OwnProcess', 'Automatic', true, 'RpcSs EventLog')],
  reporting: [svc('SQLServerReportingServices', 'SQL Server Reporting Services', 'Win32OwnProcess', 'Automatic', true)],
};

/* --------------------------------------------------------------------- roles */

export interface WindowsRole {
  name: string;
  display: string;
  type: 'Role' | 'Role Service' | 'Feature';
  path: string;
  parent?: string;
  installed: boolean;
}

const role = (name: string, display: string, type: WindowsRole['type'], path: string, installed = true, parent?: string): WindowsRole =>
  ({ name, display, type, path, installed, parent });

export const BASE_FEATURES: readonly WindowsRole[] = [
  role('NET-Framework-45-Features', '.NET Framework 4.8 Features', 'Feature', '.NET Framework 4.8 Features'),
  role('NET-Framework-45-Core', '.NET Framework 4.8', 'Feature', '.NET Framework 4.8 Features\\.NET Framework 4.8', true, 'NET-Framework-45-Features'),
  role('NET-WCF-Services45', 'WCF Services', 'Feature', '.NET Framework 4.8 Features\\WCF Services', true, 'NET-Framework-45-Features'),
  role('PowerShellRoot', 'Windows PowerShell', 'Feature', 'Windows PowerShell'),
  role('PowerShell', 'Windows PowerShell 5.1', 'Feature', 'Windows PowerShell\\Windows PowerShell 5.1', true, 'PowerShellRoot'),
  role('Windows-Defender', 'Microsoft Defender Antivirus', 'Feature', 'Microsoft Defender Antivirus'),
  role('WoW64-Support', 'WoW64 Support', 'Feature', 'WoW64 Support'),
  role('XPS-Viewer', 'XPS Viewer', 'Feature', 'XPS Viewer'),
  role('FS-SMB1', 'SMB 1.0/CIFS File Sharing Support', 'Feature', 'SMB 1.0/CIFS File Sharing Support', false),
  role('Telnet-Client', 'Telnet Client', 'Feature', 'Telnet Client', false),
  role('Web-Server', 'Web Server (IIS)', 'Role', 'Web Server (IIS)', false),
  role('AD-Domain-Services', 'Active Directory Domain Services', 'Role', 'Active Directory Domain Services', false),
];

export const ROLE_FEATURES: Record<string, readonly WindowsRole[]> = {
  'iis-web': [
    role('Web-Server', 'Web Server (IIS)', 'Role', 'Web Server (IIS)'),
    role('Web-WebServer', 'Web Server', 'Role Service', 'Web Server (IIS)\\Web Server', true, 'Web-Server'),
    role('Web-Common-Http', 'Common HTTP Features', 'Role Service', 'Web Server (IIS)\\Web Server\\Common HTTP Features', true, 'Web-WebServer'),
    role('Web-Default-Doc', 'Default Document', 'Role Service', 'Web Server (IIS)\\Web Server\\Common HTTP Features\\Default Document', true, 'Web-Common-Http'),
    role('Web-Static-Content', 'Static Content', 'Role Service', 'Web Server (IIS)\\Web Server\\Common HTTP Features\\Static Content', true, 'Web-Common-Http'),
    role('Web-Asp-Net45', 'ASP.NET 4.8', 'Role Service', 'Web Server (IIS)\\Web Server\\Application Development\\ASP.NET 4.8', true, 'Web-App-Dev'),
    role('Web-Mgmt-Console', 'IIS Management Console', 'Role Service', 'Web Server (IIS)\\Management Tools\\IIS Management Console', true, 'Web-Mgmt-Tools'),
    role('WAS', 'Windows Process Activation Service', 'Feature', 'Windows Process Activation Service'),
  ],
  ad: [
    role('AD-Domain-Services', 'Active Directory Domain Services', 'Role', 'Active Directory Domain Services'),
    role('DNS', 'DNS Server', 'Role', 'DNS Server'),
    role('RSAT-AD-Tools', 'AD DS and AD LDS Tools', 'Feature', 'Remote Server Administration Tools\\Role Administration Tools\\AD DS and AD LDS Tools', true, 'RSAT-Role-Tools'),
    role('GPMC', 'Group Policy Management', 'Feature', 'Group Policy Management'),
  ],
  fileserver: [
    role('FileAndStorage-Services', 'File and Storage Services', 'Role', 'File and Storage Services'),
    role('File-Services', 'File and iSCSI Services', 'Role Service', 'File and Storage Services\\File and iSCSI Services', true, 'FileAndStorage-Services'),
    role('FS-FileServer', 'File Server', 'Role Service', 'File and Storage Services\\File and iSCSI Services\\File Server', true, 'File-Services'),
    role('FS-DFS-Replication', 'DFS Replication', 'Role Service', 'File and Storage Services\\File and iSCSI Services\\DFS Replication', true, 'File-Services'),
  ],
  sql: [role('NET-Framework-Features', '.NET Framework 3.5 Features', 'Feature', '.NET Framework 3.5 Features')],
  reporting: [role('NET-Framework-Features', '.NET Framework 3.5 Features', 'Feature', '.NET Framework 3.5 Features')],
};
