/**
 * AWS-RunRemoteScript: step downloadContent fetches the file named by sourceInfo (S3
 * `path`, or GitHub owner/repository/path), then runShellScript / runPowerShellScript runs
 * commandLine in the download folder. A downloaded script prints its progress; other
 * command lines run through the shell simulation. Fails: sourceInfo without what the
 * source needs, S3 AccessDenied (hybrid nodes' role, 3% of others), GitHub's rate limit
 * per node address (3%), and 5% of script runs (a helper the script calls is missing).
 */
import { platformSpec } from '../../catalog';
import { runScript, orchestrationDir } from '../shell/run-script';
import { unit } from '../shell/node-facts';
import { exitSuffix, type RunContext, type Runner } from './types';

const DENIED = 0.03;
const SCRIPT_FAILURE = 0.05;

function source(ctx: RunContext): { file: string; problem?: string } {
  const p = ctx.cmd.effectiveParameters;
  const info = JSON.parse(p.sourceInfo[0]) as Record<string, unknown>;
  const path = typeof info.path === 'string' ? info.path : '';
  if (p.sourceType[0] === 'GitHub' && (typeof info.owner !== 'string' || typeof info.repository !== 'string')) return { file: '', problem: 'invalid sourceInfo: owner and repository are required for source type GitHub' };
  if (!path) return { file: '', problem: 'invalid sourceInfo: path is required' };
  return { file: path.split('/').filter(Boolean).pop() ?? '' };
}

function downloadOutcome(ctx: RunContext): string {
  const { problem } = source(ctx);
  if (problem) return 'invalid';
  const roll = unit('download', ctx.cmd.seed, ctx.cmd.id, ctx.node.id);
  if (ctx.cmd.effectiveParameters.sourceType[0] === 'S3') return !ctx.node.ec2 || roll < DENIED ? 'denied' : 'ok';
  return roll < DENIED ? 'rate-limited' : 'ok';
}

/** Where downloadContent puts the file (the orchestration folder's downloads/, unless workingDirectory). */
function downloadDir(ctx: RunContext): string {
  const given = ctx.cmd.effectiveParameters.workingDirectory?.[0];
  return given || orchestrationDir(ctx.node, ctx.cmd.id, 'downloads', '').replace(/[\\/]$/, '');
}

const windowsOf = (ctx: RunContext) => platformSpec(ctx.node.platform).platformType === 'Windows';
const runStep = (ctx: RunContext) => (windowsOf(ctx) ? 'runPowerShellScript' : 'runShellScript');

function runCommandLine(ctx: RunContext, downloaded: boolean) {
  const { file } = source(ctx);
  const line = ctx.cmd.effectiveParameters.commandLine[0];
  const dir = downloadDir(ctx);
  const first = (line.trim().split(/\s+/).find((w) => !/^(bash|sh|python3?|pwsh|powershell|\.)$/.test(w)) ?? '').replace(/^\.[\\/]/, '');
  if (downloaded && file && first === file) {
    if (unit('script', ctx.cmd.seed, ctx.cmd.id, ctx.node.id) < SCRIPT_FAILURE) {
      const started = `[${file}] starting on ${ctx.node.ssm?.computerName ?? ctx.node.id}\n`;
      if (!windowsOf(ctx)) return { stdout: started, stderr: `${dir}/${file}: line 14: /opt/app/bin/healthcheck: No such file or directory\n${exitSuffix(127)}`, code: 127 };
      return { stdout: started, stderr: `${file} : C:\\opt\\app\\bin\\healthcheck.exe was not found.\nAt ${dir}\\${file}:14 char:1\n${exitSuffix(1)}`, code: 1 };
    }
    return { stdout: `[${file}] starting on ${ctx.node.ssm?.computerName ?? ctx.node.id}\n[${file}] done in ${(0.4 + unit('t', ctx.cmd.id, ctx.node.id) * 4).toFixed(1)}s\n`, stderr: '', code: 0 };
  }
  const r = runScript({
    seed: ctx.cmd.seed, accountId: ctx.store.accountId, commandId: ctx.cmd.id, node: ctx.node, start: ctx.start, pluginDir: windowsOf(ctx) ? 'awsrunPowerShellScript' : 'awsrunShellScript',
    stepDir: runStep(ctx), powershell: windowsOf(ctx), lines: [line], workingDirectory: dir, timeoutSeconds: ctx.cmd.executionTimeoutSeconds,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

export const remoteScriptRunner: Runner = {
  durationMs: (rng) => Math.round(rng.range(3, 12) * 1000),
  timeoutSeconds: (params) => Number(params.executionTimeout?.[0] ?? '3600'),
  complete(ctx) {
    const download = downloadOutcome(ctx);
    return { exitCode: download === 'ok' ? runCommandLine(ctx, true).code : 1, facts: { download } };
  },
  render(ctx, result) {
    const download = String(result.facts?.download);
    const path = (JSON.parse(ctx.cmd.effectiveParameters.sourceInfo[0]) as { path?: string }).path ?? '';
    const dir = downloadDir(ctx);
    const ip = `52.${Math.floor(unit('gh', ctx.node.id) * 255)}.${Math.floor(unit('gh2', ctx.node.id) * 255)}.${1 + Math.floor(unit('gh3', ctx.node.id) * 254)}`;
    const why: Record<string, string> = {
      invalid: source(ctx).problem ?? '',
      denied: `failed to download file from S3: AccessDenied: Access Denied\n\tstatus code: 403, request id: ${Math.floor(unit('rid', ctx.cmd.id, ctx.node.id) * 2 ** 32).toString(16).toUpperCase()}`,
      'rate-limited': `failed to download from GitHub: GET https://api.github.com/repos/contents/${path}: 403 API rate limit exceeded for ${ip}.`,
    };
    if (download !== 'ok') {
      return {
        downloadContent: { stdout: '', stderr: `${why[download]}\n${exitSuffix(1)}`, code: 1 },
        [runStep(ctx)]: runCommandLine(ctx, false),
      };
    }
    return { downloadContent: { stdout: `Content downloaded to ${dir}\n`, stderr: '', code: 0 }, [runStep(ctx)]: runCommandLine(ctx, true) };
  },
};
