/**
 * AWS-InstallWindowsUpdates: finds the node's missing Windows updates (its patch list),
 * filtered by Categories, SeverityLevels, Include/ExcludeKbs and PublishedDaysOld; Install
 * marks them Installed (AllowReboot True) or InstalledPendingReboot. Fails with a Windows
 * Update HRESULT on nodes whose Windows Update is broken and on 5% of other runs.
 */
import { patchList, updatePatchList } from '../../patches';
import type { PatchEntry } from '../../types';
import { hasBrokenPatching } from '../effects';
import { orchestrationDir } from '../shell/run-script';
import { unit } from '../shell/node-facts';
import type { RunResult } from '../types';
import { exitSuffix, type RunContext, type Runner } from './types';

const TRANSIENT = 0.05;
const HRESULTS = ['0x80240438', '0x8024402C', '0x80070643'];

const list = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim().replace(/^KB/i, '')) : []);

function selected(ctx: RunContext): PatchEntry[] {
  const p = ctx.cmd.effectiveParameters;
  const [categories, severities, include, exclude] = [list(p.Categories?.[0]), list(p.SeverityLevels?.[0]), list(p.IncludeKbs?.[0]), list(p.ExcludeKbs?.[0])];
  const minAge = Number(p.PublishedDaysOld?.[0] || 0);
  return (patchList(ctx.node) ?? []).filter((e) => {
    const kb = e.def.kbId.replace(/^KB/i, '');
    if (e.state !== 'Missing' && e.state !== 'Failed') return false;
    if (include.length > 0) return include.includes(kb);
    return !exclude.includes(kb) && (categories.length === 0 || categories.includes(e.def.classification))
      && (severities.length === 0 || severities.includes(e.def.severity)) && e.def.ageDays >= minAge;
  });
}

export const windowsUpdatesRunner: Runner = {
  durationMs: (rng, params) => Math.round((params.Action?.[0] === 'Scan' ? rng.range(30, 90) : rng.range(300, 1200)) * 1000),
  timeoutSeconds: () => 14_400,
  complete(ctx): RunResult {
    const updates = selected(ctx);
    const kbs = updates.map((e) => e.def.kbId).join(',');
    const install = ctx.cmd.effectiveParameters.Action[0] === 'Install';
    const broken = hasBrokenPatching(ctx.cmd.seed, ctx.node) || unit('wu', ctx.cmd.seed, ctx.cmd.id, ctx.node.id) < TRANSIENT;
    if (install && updates.length > 0 && broken) return { exitCode: 1, facts: { kbs, hresult: HRESULTS[Math.floor(unit('hr', ctx.cmd.id, ctx.node.id) * 3)] } };
    if (install && updates.length > 0) {
      const reboot = ctx.cmd.effectiveParameters.AllowReboot[0] === 'True';
      const wanted = new Set(updates.map((e) => e.def.kbId));
      updatePatchList(ctx.node, (entries) => {
        for (const e of entries) {
          if (!wanted.has(e.def.kbId)) continue;
          e.state = reboot ? 'Installed' : 'InstalledPendingReboot';
          e.installedTime = ctx.end;
        }
      });
    }
    return { exitCode: 0, facts: { kbs } };
  },
  render(ctx, result) {
    const kbs = String(result.facts?.kbs ?? '').split(',').filter(Boolean);
    const byKb = new Map((patchList(ctx.node) ?? []).map((e) => [e.def.kbId, e.def]));
    const rows = kbs.map((kb) => byKb.get(kb)).filter((d) => d !== undefined).map((d) => `${d.title.replace(/ \(KB\d+\)$/, '').slice(0, 66).padEnd(67)}${d.kbId.padEnd(10)}${d.classification.padEnd(18)}${d.severity}`);
    const head = ['Searching for updates...', `Found ${kbs.length} update${kbs.length === 1 ? '' : 's'} matching the filters.`, ...(rows.length > 0 ? ['', `${'Title'.padEnd(67)}${'KB'.padEnd(10)}${'Classification'.padEnd(18)}Severity`, `${'-----'.padEnd(67)}${'--'.padEnd(10)}${'--------------'.padEnd(18)}--------`, ...rows, ''] : [])];
    const install = ctx.cmd.effectiveParameters.Action[0] === 'Install';
    if (result.exitCode !== 0) {
      const dir = orchestrationDir(ctx.node, ctx.cmd.id, 'awsrunPowerShellScript', 'InstallWindowsUpdates');
      const stmt = `Install-WindowsUpdates -Action Install -AllowReboot ${ctx.cmd.effectiveParameters.AllowReboot[0]}`;
      const err = `Install-WindowsUpdates : Exception from HRESULT: ${result.facts?.hresult}\nAt ${dir}\\_script.ps1:178 char:1\n+ ${stmt}\n+ ${'~'.repeat(stmt.length)}\n    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Install-WindowsUpdates\n \n`;
      return { InstallWindowsUpdates: { stdout: `${[...head, `Downloading ${kbs.length} updates...`].join('\r\n')}\r\n`, stderr: err + exitSuffix(1), code: 1 } };
    }
    const reboot = ctx.cmd.effectiveParameters.AllowReboot[0] === 'True';
    const tail = !install ? [`Scan complete: ${kbs.length} update${kbs.length === 1 ? ' is' : 's are'} missing.`]
      : kbs.length === 0 ? ['There are no updates to install.']
        : [`Downloading ${kbs.length} updates...`, `Installing ${kbs.length} updates...`, `Installed ${kbs.length} updates successfully.`, reboot ? 'A reboot is required to complete the installation. Rebooting the instance.' : 'A reboot is required to complete the installation. AllowReboot is False: the instance was not restarted.'];
    return { InstallWindowsUpdates: { stdout: `${[...head, ...tail].join('\r\n')}\r\n`, stderr: '', code: 0 } };
  },
};
