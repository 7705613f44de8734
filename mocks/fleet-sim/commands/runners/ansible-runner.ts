/**
 * AWS-RunAnsiblePlaybook: the playbook's tasks (the `- name:` lines of the YAML, or a
 * generic pair for a playbook URL) run against localhost. Fails where Ansible is not
 * installed (7% of Linux nodes), for a full disk, and on 3% of runs (the last task fails).
 */
import { hasFullDisk } from '../shell/failures';
import { unit } from '../shell/node-facts';
import { exitSuffix, type RunContext, type Runner } from './types';

const NOT_INSTALLED = 0.07;
const TASK_FAILURE = 0.03;

function tasks(ctx: RunContext): string[] {
  const p = ctx.cmd.effectiveParameters;
  if (p.playbookurl?.[0]?.trim()) return ['Install packages', 'Configure service'];
  const names = [...(p.playbook?.[0] ?? '').matchAll(/^\s*-\s+name:\s*(.+?)\s*$/gm)].map((m) => m[1].replace(/^["']|["']$/g, ''));
  // The first "- name:" of a playbook names the play when it precedes `hosts:`.
  return /^\s*-\s+name:.*\n\s+hosts:/m.test(p.playbook?.[0] ?? '') ? names.slice(1) : names;
}

const banner = (title: string) => `${title} ${'*'.repeat(Math.max(3, 79 - title.length))}`;

export const ansibleRunner: Runner = {
  durationMs: (rng) => Math.round(rng.range(15, 90) * 1000),
  timeoutSeconds: (params) => Number(params.timeoutSeconds?.[0]) || 3600,
  complete(ctx) {
    const p = ctx.cmd.effectiveParameters;
    const outcome = unit('ansible', ctx.cmd.seed, ctx.node.id) < NOT_INSTALLED ? 'not-installed'
      : !p.playbook?.[0]?.trim() && !p.playbookurl?.[0]?.trim() ? 'no-playbook'
        : hasFullDisk(ctx.cmd.seed, ctx.node.id) ? 'disk'
          : unit('ansible-task', ctx.cmd.seed, ctx.cmd.id, ctx.node.id) < TASK_FAILURE ? 'task' : 'ok';
    return { exitCode: outcome === 'ok' ? 0 : outcome === 'task' ? 2 : 1, facts: { outcome } };
  },
  render(ctx, result) {
    const outcome = String(result.facts?.outcome);
    const fail = (stdout: string, why: string) => ({ runShellScript: { stdout, stderr: `${why}\n${exitSuffix(result.exitCode)}`, code: result.exitCode } });
    if (outcome === 'not-installed') return fail('', 'Ansible is not installed. Please install Ansible and rerun the command.');
    if (outcome === 'no-playbook') return fail('ansible [core 2.15.3]\n', 'ERROR! the playbook: playbook.yml could not be found');
    if (outcome === 'disk') return fail('', `/var/lib/amazon/ssm/${ctx.node.id}/document/orchestration/${ctx.cmd.id}/runShellScript/_script.sh: line 9: playbook.yml: No space left on device`);
    const list = tasks(ctx);
    const check = ctx.cmd.effectiveParameters.check?.[0] === 'True';
    const out = ['ansible [core 2.15.3]', '', banner('PLAY [all]'), '', banner('TASK [Gathering Facts]'), 'ok: [localhost]', ''];
    let changed = 0;
    list.forEach((task, i) => {
      out.push(banner(`TASK [${task}]`));
      if (outcome === 'task' && i === list.length - 1) out.push(`fatal: [localhost]: FAILED! => {"changed": false, "msg": "Failed to start service: Job for ${task.toLowerCase().replace(/\W+/g, '-')}.service failed because the control process exited with error code."}`);
      else if (unit('changed', ctx.cmd.id, ctx.node.id, i) < 0.5) {
        out.push('changed: [localhost]');
        changed++;
      } else out.push('ok: [localhost]');
      out.push('');
    });
    const failed = outcome === 'task' ? 1 : 0;
    const okCount = 1 + list.length - failed;
    out.push(banner('PLAY RECAP'), `localhost                  : ok=${okCount}    changed=${changed}    unreachable=0    failed=${failed}    skipped=0    rescued=0    ignored=0   ${check ? ' (check mode)' : ''}`.trimEnd(), '');
    return { runShellScript: { stdout: `${out.join('\n')}\n`, stderr: failed ? exitSuffix(2) : '', code: result.exitCode } };
  },
};
