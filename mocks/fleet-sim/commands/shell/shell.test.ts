import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import type { SimNode } from '../../types';
import { FAILURE_SHARES, hasFullDisk } from './failures';
import { nodeFacts } from './node-facts';
import { runScript } from './run-script';

const sim = createSimulation({ nodes: 2400, regions: ['us-east-1'], seed: 42, now: () => Date.UTC(2025, 5, 1, 12) });
const nodes = [...sim.store.byId.values()].filter((n) => n.ssm);
const of = (family: string) => nodes.filter((n) => nodeFacts(n).family === family);
const healthy = (family: string) => of(family).filter((n) => !hasFullDisk(42, n.id));
const CMD = '6f1d9b2e-1c3a-4b5d-8e7f-0a1b2c3d4e5f';

function run(node: SimNode, lines: string[], commandId = CMD) {
  const windows = nodeFacts(node).family === 'windows';
  return runScript({
    seed: 42, accountId: '123456789012', commandId, node, start: Date.UTC(2025, 5, 1, 12), pluginDir: windows ? 'awsrunPowerShellScript' : 'awsrunShellScript',
    stepDir: windows ? '0.awsrunPowerShellScript' : '0.awsrunShellScript', powershell: windows, lines, workingDirectory: '', timeoutSeconds: 3600,
  });
}

/** An error's class: what stays when IDs, paths' node parts, numbers and addresses are taken out. */
const errorClass = (text: string) => text.replace(/(m?i-[0-9a-f]{17}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|ip-[\d-]+[\w.-]*|\d+)/g, '#');
const failureShare = (list: SimNode[], lines: string[]) => list.filter((n) => run(n, lines).code !== 0).length / list.length;

describe('shell simulation', () => {
  it('is deterministic per (seed, command, node) and matches the node (os-release, hostname, kernel)', () => {
    const [al, ubuntu] = [healthy('amazon-linux')[0], healthy('ubuntu')[0]];
    const script = ['cat /etc/os-release | head -3', 'hostname', 'uname -r', 'free -m', 'df -h /'];
    expect(run(al, script)).toEqual(run(al, script));
    const out = run(ubuntu, script).stdout;
    expect(out).toMatch(new RegExp(`^PRETTY_NAME="Ubuntu ${ubuntu.platformVersion}\\.\\d LTS"\\nNAME="Ubuntu"\\nVERSION_ID="${ubuntu.platformVersion}"\\n${ubuntu.ssm?.computerName}\\n${nodeFacts(ubuntu).kernel}\\n`));
    expect(run(al, ['cat /etc/os-release']).stdout).toContain('PRETTY_NAME="Amazon Linux 2023.');
    expect(run(al, ['free -m']).stdout.split('\n')[1]).toMatch(new RegExp(`^Mem:\\s+${nodeFacts(al).memMiB}\\s`));
  });

  it('reports unknown commands as the node\'s shell does: bash and dash name the script and line, exit 127', () => {
    const al = run(healthy('amazon-linux')[0], ['echo start', 'frobnicate --all']);
    expect(al).toMatchObject({ stdout: 'start\n', code: 127 });
    expect(al.stderr).toMatch(/^\/var\/lib\/amazon\/ssm\/i-\w+\/document\/orchestration\/6f1d9b2e-[\w-]+\/awsrunShellScript\/0\.awsrunShellScript\/_script\.sh: line 2: frobnicate: command not found\nfailed to run commands: exit status 127$/);
    expect(run(healthy('ubuntu')[0], ['frobnicate']).stderr).toMatch(/_script\.sh: 1: frobnicate: not found\nfailed to run commands: exit status 127$/);
    // Without set -e the last command decides; with it the first failure ends the script.
    expect(run(healthy('rhel')[0], ['frobnicate', 'echo still here']).code).toBe(0);
    expect(run(healthy('rhel')[0], ['set -e', 'false', 'echo never']).stdout).toBe('');
    expect(run(healthy('rhel')[0], ['false || echo recovered', 'exit 4']).stdout).toBe('recovered\n');
    expect(run(healthy('ubuntu')[0], ['set -euo pipefail', 'echo x'])).toMatchObject({ stdout: '', code: 2 });
  });

  it('runs PowerShell as AWS documents: errors go to stderr and the script exits 0 unless it stops or exits', () => {
    const node = healthy('windows')[0];
    const loose = run(node, ['Get-Frobnicator', 'Write-Output "after"']);
    expect(loose).toMatchObject({ stdout: 'after\n', code: 0 });
    expect(loose.stderr).toContain("Get-Frobnicator : The term 'Get-Frobnicator' is not recognized as the name of a cmdlet");
    expect(loose.stderr).toMatch(/At C:\\ProgramData\\Amazon\\SSM\\InstanceData\\i-\w+\\document\\orchestration\\[\w-]+\\awsrunPowerShellScript\\0\.awsrunPowerShellScript\\_script\.ps1:1 char:1\n/);
    const strict = run(node, ["$ErrorActionPreference = 'Stop'", 'Get-Service -Name NoSuchService', 'Write-Output "never"']);
    expect(strict).toMatchObject({ stdout: '', code: 1 });
    expect(strict.stderr).toMatch(/^Get-Service : Cannot find any service with service name 'NoSuchService'\.[\s\S]*failed to run commands: exit status 1$/);
    expect(run(node, ['Get-Service -Name W32Time']).stdout).toMatch(/Running\s+W32Time\s+Windows Time/);
  });

  it('fails harmless commands only on broken nodes (a full disk, ~1.5%)', () => {
    const share = failureShare(nodes, ['echo hello', 'uptime']);
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.03);
    const broken = nodes.filter((n) => hasFullDisk(42, n.id));
    const texts = broken.map((n) => run(n, ['uptime']).stderr);
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(texts.map(errorClass)).size).toBeLessThanOrEqual(2); // Linux and Windows wording
  });

  it('fails commands that can fail on a share of nodes, the same way with details that differ per node', () => {
    const ubuntu = healthy('ubuntu');
    const apt = ubuntu.map((n) => run(n, ['apt-get install -y htop'])).filter((r) => r.code !== 0);
    expect(apt.length / ubuntu.length).toBeGreaterThan(FAILURE_SHARES.aptLock / 2);
    expect(apt.length / ubuntu.length).toBeLessThan(FAILURE_SHARES.aptLock * 2);
    expect(apt.every((r) => r.code === 100 && /^E: Could not get lock \/var\/lib\/dpkg\/lock-frontend\. It is held by process \d+ \(/.test(r.stderr))).toBe(true);
    expect(new Set(apt.map((r) => r.stderr)).size).toBeGreaterThan(apt.length / 2);
    const restart = healthy('amazon-linux').map((n) => run(n, ['systemctl restart sshd'])).filter((r) => r.code !== 0);
    const classes = new Set(restart.map((r) => errorClass(r.stderr)));
    expect(classes).toEqual(new Set(['Job for sshd.service failed because the control process exited with error code.\nSee "systemctl status sshd.service" and "journalctl -xeu sshd.service" for details.\nfailed to run commands: exit status #']));
    const curl = healthy('rhel').map((n) => run(n, ['curl -sS https://api.internal.example.com/health'])).filter((r) => r.code !== 0);
    expect(curl.length).toBeGreaterThan(0);
    expect(curl.every((r) => r.code === 28)).toBe(true);
    expect(new Set(curl.map((r) => errorClass(r.stderr))).size).toBe(1);
  });

  it('reports missing units and package managers of other distributions as those tools do', () => {
    const db = healthy('amazon-linux').find((n) => !nodeFacts(n).services.has('nginx') && run(n, ['rpm -q tmux']).stdout === 'package tmux is not installed\n') as SimNode;
    expect(run(db, ['systemctl restart nginx'])).toMatchObject({ code: 5, stderr: 'Failed to restart nginx.service: Unit nginx.service not found.\nfailed to run commands: exit status 5' });
    expect(run(db, ['systemctl status nginx']).code).toBe(4);
    expect(run(db, ['apt-get update']).stderr).toContain(': line 1: apt-get: command not found');
    expect(run(db, ['dnf install tmux']).stdout).toMatch(/Is this ok \[y\/N\]: Operation aborted\.\n$/);
    const late = runScript({ seed: 42, accountId: '1', commandId: CMD, node: db, start: 0, pluginDir: 'awsrunShellScript', stepDir: '0.awsrunShellScript', powershell: false, lines: ['echo a', 'sleep 90', 'echo b'], workingDirectory: '', timeoutSeconds: 60 });
    expect(late).toMatchObject({ stdout: 'a\n', timedOut: true });
  });
});
