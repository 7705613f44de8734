/**
 * Runs a PowerShell script as the agent does (powershell.exe -File _script.ps1).
 * As AWS documents, errors of cmdlets and unknown commands are written to stderr and the
 * script goes on: it exits 0 unless it calls `exit N` or sets
 * `$ErrorActionPreference = 'Stop'`, which ends it at the first error with exit 1.
 */
import type { ScriptResult } from './interpreter';
import { splitLineCached, words } from './parse';
import { CMDLETS, type PsError, type PsResult } from './powershell-cmdlets';
import { ok, type ShellRun } from './types';

const CONTROL = /^\s*(if|else|elseif|foreach|for|while|try|catch|finally|function|param|\{|\})\b/i;

function errorRecord(run: ShellRun, statement: string, e: PsError): string {
  return `${e.cmdlet} : ${e.message}\nAt ${run.scriptPath}:${run.line} char:1\n+ ${statement}\n+ ${'~'.repeat(Math.max(1, statement.length))}\n    + CategoryInfo          : ${e.category}: (${e.target}) [${e.cmdlet}], ${e.exception}\n    + FullyQualifiedErrorId : ${e.errorId}\n \n`;
}

function notRecognized(name: string): PsError {
  return {
    cmdlet: name, category: 'ObjectNotFound', target: `${name}:String`, exception: 'CommandNotFoundException', errorId: 'CommandNotFoundException',
    message: `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
  };
}

const VARS: Record<string, string> = { true: 'True', false: 'False', null: '' };

function expandVar(run: ShellRun, name: string): string {
  if (name.startsWith('ENV_')) {
    const env: Record<string, string> = { COMPUTERNAME: run.facts.hostname, USERNAME: 'SYSTEM', SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITECTURE: 'AMD64' };
    return env[name.slice(4)] ?? '';
  }
  return run.vars.get(name.toLowerCase()) ?? VARS[name.toLowerCase()] ?? '';
}

function builtin(name: string, args: string[], run: ShellRun, input: string): PsResult | null {
  switch (name) {
    case 'write-output': case 'write-host': case 'echo': case 'write-information':
      return ok(`${args.filter((a) => !/^-(NoNewline|ForegroundColor)$/i.test(a)).join(' ')}\n`);
    case 'write-error':
      return { out: '', err: '', code: 1, error: { cmdlet: run.scriptPath, message: args.join(' '), category: 'NotSpecified', target: ':', exception: 'WriteErrorException', errorId: 'Microsoft.PowerShell.Commands.WriteErrorException,_script.ps1' } };
    case 'start-sleep':
      run.slept += Number(args.find((a) => /^\d+$/.test(a)) ?? 0);
      return ok();
    case 'select-object': {
      const n = Number(args[args.findIndex((a) => /^-First$/i.test(a)) + 1]) || 10;
      return ok(`${input.split('\n').slice(0, n + 3).join('\n')}\n`);
    }
    case 'format-table': case 'format-list': case 'out-string': case 'out-default':
      return ok(input);
    case 'out-null':
      return ok();
    default:
      return null;
  }
}

/** One statement (a pipeline); returns its error, if any. */
function statement(raw: string, run: ShellRun, sink: { out: string; err: string }): PsError | undefined {
  const assign = /^\$([A-Za-z_][A-Za-z0-9_:]*)\s*=\s*['"]?(.*?)['"]?$/.exec(raw);
  if (assign) {
    run.vars.set(assign[1].toLowerCase(), assign[2]);
    return undefined;
  }
  let input = '';
  for (const stage of raw.split(/\s\|\s/)) {
    const { argv } = words(stage.replace(/\$env:([A-Za-z_]+)/g, '$$ENV_$1'), (_kind, text) => expandVar(run, text));
    if (argv.length === 0) continue;
    const name = argv[0].toLowerCase();
    const cmdlet = Object.hasOwn(CMDLETS, name) ? CMDLETS[name] : undefined;
    const result = builtin(name, argv.slice(1), run, input) ?? (cmdlet ? cmdlet(argv.slice(1), run, input) : { out: '', err: '', code: 1, error: notRecognized(argv[0]) });
    if (result.error) {
      sink.err += errorRecord(run, raw, result.error);
      return result.error;
    }
    sink.err += result.err;
    input = result.out;
  }
  sink.out += input;
  return undefined;
}

export function runPowerShellScript(run: ShellRun, script: readonly string[], timeoutSeconds: number): ScriptResult {
  const sink = { out: '', err: '' };
  let code = 0;
  const physical = script.flatMap((s) => s.split('\n'));
  outer: for (let n = 0; n < physical.length; n++) {
    run.line = n + 1;
    if (CONTROL.test(physical[n])) continue;
    for (const { pipeline } of splitLineCached(physical[n])) {
      const raw = pipeline.join(' | ');
      const exit = /^exit(?:\s+(-?\d+))?$/i.exec(raw);
      if (exit) {
        code = Number(exit[1] ?? 0);
        break outer;
      }
      const error = statement(raw, run, sink);
      if (run.slept > timeoutSeconds) return { stdout: sink.out, stderr: sink.err, code: -1, timedOut: true };
      if (error && /^'?stop'?$/i.test(run.vars.get('erroractionpreference') ?? '')) {
        code = 1;
        break outer;
      }
    }
  }
  const stderr = code === 0 ? sink.err : `${sink.err}failed to run commands: exit status ${code}`;
  return { stdout: sink.out, stderr, code, timedOut: false };
}
