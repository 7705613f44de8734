/**
 * The simulated account's own Command documents (Owner: the account ID). Each has three
 * versions; the default is 2 and the latest 3, so which version a command uses matters
 * (v3 changes the parameters). Their scripts run through the shell simulation.
 * Between them they use every parameter rule a form generator meets: allowedValues,
 * allowedPattern, textarea, min/maxItems, min/maxChars, and the types String,
 * StringList, Boolean, Integer, MapList (StringMap: AWS-ConfigureAWSPackage).
 */
import type { DocumentDef, ParamDef, StepDef } from './types';

const shell = (lines: string[]): StepDef[] => [{ name: 'RunScript', action: 'aws:runShellScript', platform: 'Linux', inputs: { runCommand: lines, timeoutSeconds: 600 } }];
const powershell = (lines: string[]): StepDef[] => [{ name: 'RunScript', action: 'aws:runPowerShellScript', platform: 'Windows', inputs: { runCommand: lines, timeoutSeconds: 600 } }];

const LINUX_SERVICES = ['nginx', 'httpd', 'sshd', 'crond', 'docker', 'amazon-ssm-agent', 'postgresql'];
const serviceName = (allowed: string[]): ParamDef => ({ type: 'String', description: '(Required) The systemd service to act on.', allowedValues: allowed });
const action: ParamDef = { type: 'String', default: 'restart', allowedValues: ['restart', 'reload', 'status'], description: '(Optional) What to do with the service.' };

export const OPS_RESTART_SERVICE: DocumentDef = {
  name: 'Ops-RestartService',
  owner: 'self',
  documentType: 'Command',
  platformTypes: ['Linux'],
  tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Category', Value: 'remediation' }],
  defaultVersion: 2,
  versions: [
    {
      created: { daysAgo: 212 }, description: 'Restart a systemd service.', schemaVersion: '2.2',
      parameters: { ServiceName: serviceName(LINUX_SERVICES.slice(0, 4)) },
      steps: shell(['systemctl restart {{ ServiceName }}', 'systemctl is-active {{ ServiceName }}']),
    },
    {
      created: { daysAgo: 121 }, displayName: 'Restart a Linux service', description: 'Restart, reload or check a systemd service and report whether it is active.', schemaVersion: '2.2',
      parameters: { ServiceName: serviceName(LINUX_SERVICES), Action: action },
      steps: shell(['set -e', 'echo "Running systemctl {{ Action }} {{ ServiceName }} on $(hostname)"', 'systemctl {{ Action }} {{ ServiceName }} --no-pager', 'systemctl is-active {{ ServiceName }}']),
    },
    {
      created: { daysAgo: 9 }, displayName: 'Restart a Linux service', description: 'Restart, reload or check a systemd service, wait, and report whether it is active.', schemaVersion: '2.2',
      parameters: {
        ServiceName: serviceName([...LINUX_SERVICES, 'redis']),
        Action: action,
        WaitSeconds: { type: 'Integer', default: 5, description: '(Optional) Seconds to wait before checking that the service is active.' },
      },
      steps: shell(['set -e', 'echo "Running systemctl {{ Action }} {{ ServiceName }} on $(hostname)"', 'systemctl {{ Action }} {{ ServiceName }} --no-pager', 'sleep {{ WaitSeconds }}', 'systemctl is-active {{ ServiceName }}']),
    },
  ],
};

const LOG_PATTERN = '^/var/log/[A-Za-z0-9._/-]+$';
const logPath: ParamDef = { type: 'String', default: '/var/log/amazon/ssm/amazon-ssm-agent.log', allowedPattern: LOG_PATTERN, maxChars: 256, description: '(Optional) The log file to collect, under /var/log.' };
const collectV2Params: Record<string, ParamDef> = {
  LogPath: logPath,
  Lines: { type: 'String', default: '200', allowedPattern: '^([1-9][0-9]{0,2}|[1-4][0-9]{3}|5000)$', description: '(Optional) How many lines to collect from the end of the file (1-5000).' },
  SinceMinutes: { type: 'Integer', default: 60, description: '(Optional) Only report entries from the last N minutes.' },
  Filter: { type: 'String', default: '', maxChars: 128, description: '(Optional) Only keep lines containing this text (case-insensitive).' },
  ExtraPaths: { type: 'StringList', default: [], maxItems: 5, allowedPattern: LOG_PATTERN, displayType: 'textarea', description: '(Optional) Up to 5 more log files to list alongside.' },
  Redactions: { type: 'MapList', default: [], maxItems: 10, displayType: 'textarea', description: '(Optional) Patterns to mask before upload, for example [{"pattern": "password=\\\\S+", "replacement": "password=***"}].' },
};
const collectV2Script = [
  'set -e',
  'echo "== {{ LogPath }} (last {{ Lines }} lines, since {{ SinceMinutes }} min) on $(hostname) =="',
  'ls -l {{ LogPath }} {{ ExtraPaths }}',
  'tail -n {{ Lines }} {{ LogPath }} | grep -i -e "{{ Filter }}" || true',
  'tar czf /tmp/logs-$(hostname).tar.gz {{ LogPath }} {{ ExtraPaths }}',
  'aws s3 cp /tmp/logs-$(hostname).tar.gz s3://acme-ops-log-archive/collect-logs/',
];

export const OPS_COLLECT_LOGS: DocumentDef = {
  name: 'Ops-CollectLogs',
  owner: 'self',
  documentType: 'Command',
  platformTypes: ['Linux'],
  tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Category', Value: 'diagnostics' }],
  defaultVersion: 2,
  versions: [
    {
      created: { daysAgo: 180 }, versionName: '1.0', description: 'Show the end of a log file.', schemaVersion: '2.2',
      parameters: { LogPath: logPath },
      steps: shell(['tail -n 100 {{ LogPath }}']),
    },
    {
      created: { daysAgo: 64 }, versionName: '1.1', displayName: 'Collect logs', description: 'Show the end of a log file and upload it, with up to 5 more files, to the ops log archive.', schemaVersion: '2.2',
      parameters: collectV2Params,
      steps: shell(collectV2Script),
    },
    {
      created: { daysAgo: 3 }, versionName: '2.0', displayName: 'Collect logs', description: 'Collect logs for a support ticket and upload them to the ops log archive.', schemaVersion: '2.2',
      parameters: {
        ...collectV2Params,
        TicketId: { type: 'String', minChars: 6, maxChars: 20, allowedPattern: '^[A-Z][A-Z0-9]+-[0-9]+$', description: '(Required) The support ticket the logs are for, for example OPS-1234.' },
        Compress: { type: 'Boolean', default: false, description: '(Optional) Compress the archive.' },
      },
      steps: shell([...collectV2Script.slice(0, -1), 'aws s3 cp /tmp/logs-$(hostname).tar.gz s3://acme-ops-log-archive/{{ TicketId }}/']),
    },
  ],
};

const WINDOWS_SERVICES = ['W32Time', 'Spooler', 'WinRM', 'AmazonSSMAgent'];
const windowsService = (allowed: string[]): ParamDef => ({ type: 'String', description: '(Required) The Windows service to restart.', allowedValues: allowed });
const reason: ParamDef = { type: 'String', minChars: 10, maxChars: 200, displayType: 'textarea', description: '(Required) Why the service is restarted (recorded in the output).' };
const force: ParamDef = { type: 'Boolean', default: false, description: '(Optional) Also stop the services that depend on it.' };
const restartScript = (extra: string[]) => [
  "$ErrorActionPreference = 'Stop'",
  'Write-Output "Restarting {{ ServiceName }} on $env:COMPUTERNAME: {{ Reason }}"',
  'Restart-Service -Name {{ ServiceName }} -Force:${{ Force }}',
  ...extra,
  'Get-Service -Name {{ ServiceName }}',
];

export const OPS_RESTART_WINDOWS_SERVICE: DocumentDef = {
  name: 'Ops-RestartWindowsService',
  owner: 'self',
  documentType: 'Command',
  platformTypes: ['Windows'],
  tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Category', Value: 'remediation' }],
  defaultVersion: 2,
  versions: [
    {
      created: { daysAgo: 301 }, description: 'Restart a Windows service.', schemaVersion: '2.2',
      parameters: { ServiceName: windowsService(WINDOWS_SERVICES) },
      steps: powershell(['Restart-Service -Name {{ ServiceName }}']),
    },
    {
      created: { daysAgo: 88 }, displayName: 'Restart a Windows service', description: 'Restart a Windows service and show its status.', schemaVersion: '2.2',
      parameters: { ServiceName: windowsService([...WINDOWS_SERVICES, 'W3SVC', 'MSSQLSERVER', 'Dnscache']), Force: force, Reason: reason },
      steps: powershell(restartScript([])),
    },
    {
      created: { daysAgo: 6 }, displayName: 'Restart a Windows service', description: 'Restart a Windows service, wait for it and show its status.', schemaVersion: '2.2',
      parameters: {
        ServiceName: windowsService([...WINDOWS_SERVICES, 'W3SVC', 'MSSQLSERVER', 'Dnscache', 'wuauserv']),
        Force: force,
        Reason: reason,
        TimeoutSeconds: { type: 'Integer', default: 60, description: '(Optional) How long to wait for the service to be Running.' },
      },
      steps: powershell(restartScript(['Start-Sleep -Seconds 2'])),
    },
  ],
};
