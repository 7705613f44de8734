/**
 * Runs a Linux script the way the agent does (`sh -c _script.sh`): every line in order,
 * without `set -e` unless the script sets it, so the script's exit code is the last
 * command's. `sh` is bash on Amazon Linux and RHEL, dash on Ubuntu, and their error
 * messages name the script file and line ("_script.sh: line 3: foo: command not found"
 * / "_script.sh: 3: foo: not found"). A non-zero exit adds the agent's
 * "failed to run commands: exit status N" to stderr.
 */
import { linuxCommands } from './linux-commands';
import { splitLineCached, words, type Redirects } from './parse';
import { fail, ok, type CmdResult, type ShellRun } from './types';

export interface ScriptResult {
  stdout: string;
  stderr: string;
  code: number;
  /** The script was still sleeping when the execution timeout hit. */
  timedOut: boolean;
}

const CONTROL = /^\s*(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|\{|\})\b/;
const WRAPPERS = new Set(['sudo', 'nohup', 'time', 'exec', 'builtin']);

function notFound(run: ShellRun, name: string): CmdResult {
  const where = run.facts.shell === 'dash' ? `${run.scriptPath}: ${run.line}` : `${run.scriptPath}: line ${run.line}`;
  if (run.facts.shell === 'dash') return fail(127, `${where}: ${name}: not found\n`);
  return fail(127, `${where}: ${name}: ${name.includes('/') ? 'No such file or directory' : 'command not found'}\n`);
}

function builtin(argv: string[], run: ShellRun): CmdResult | null {
  const [name, ...args] = argv;
  const where = run.facts.shell === 'dash' ? `${run.scriptPath}: ${run.line}` : `${run.scriptPath}: line ${run.line}`;
  if (name === 'set') {
    if (args.some((a) => /^-[a-z]*e/.test(a))) run.errexit = true;
    if (run.facts.shell === 'dash' && args.some((a) => /pipefail/.test(a))) {
      run.errexit = true; // a special builtin's error ends a POSIX shell
      return fail(2, `${where}: set: Illegal option -o pipefail\n`);
    }
    return ok();
  }
  if (name === 'cd') {
    const dir = args[0] ?? '/root';
    if (/^\/(tmp|var|etc|opt|root|home|usr|srv)?(\/|$)/.test(dir) && !/nonexist|missing/.test(dir)) {
      run.cwd = dir;
      return ok();
    }
    return run.facts.shell === 'dash' ? fail(2, `${where}: cd: can't cd to ${dir}\n`) : fail(1, `${where}: cd: ${dir}: No such file or directory\n`);
  }
  if (name === 'export' || name === 'source' || name === '.' || name === ':' || name === 'unset' || name === 'trap' || name === 'umask') return ok();
  if (name === '[' || name === 'test' || name === '[[') return ok();
  return null;
}

function runSimple(raw: string, run: ShellRun, stdin: string, sink: { out: string; err: string }): number {
  const { argv, redirects } = words(raw, (kind, text) => expand(kind, text, run, sink));
  while (argv.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
    const [assign] = argv.splice(0, 1);
    if (argv.length === 0) run.vars.set(assign.slice(0, assign.indexOf('=')), assign.slice(assign.indexOf('=') + 1));
  }
  while (argv.length > 0 && WRAPPERS.has(argv[0])) argv.splice(0, argv[0] === 'sudo' && argv[1] === '-u' ? 3 : 1);
  if (argv.length === 0) return 0;
  const commands = linuxCommands(run.facts.family);
  const handler = Object.hasOwn(commands, argv[0]) ? commands[argv[0]] : undefined;
  const result = builtin(argv, run) ?? (handler ? handler(argv.slice(1), run, stdin) : notFound(run, argv[0]));
  deliver(result, redirects, sink);
  return result.code;
}

function deliver(result: CmdResult, r: Redirects, sink: { out: string; err: string }): void {
  const route = (text: string, to: string) => {
    if (to === 'out') sink.out += text;
    else if (to === 'err') sink.err += text;
  };
  route(result.out, r.stdout);
  route(result.err, r.stderr === 'out' ? r.stdout : r.stderr);
}

function expand(kind: 'var' | 'cmd', text: string, run: ShellRun, sink: { out: string; err: string }): string {
  if (kind === 'cmd') {
    const inner = { out: '', err: '' };
    for (const item of splitLineCached(text)) runPipeline(item.pipeline, run, inner);
    sink.err += inner.err;
    return inner.out.replace(/\n+$/, '');
  }
  const special: Record<string, string> = { '?': String(run.lastCode), HOSTNAME: run.facts.hostname, USER: 'root', HOME: '/root', PWD: run.cwd, SHELL: '/bin/bash' };
  return run.vars.get(text) ?? special[text] ?? '';
}

function runPipeline(pipeline: string[], run: ShellRun, sink: { out: string; err: string }): number {
  let stdin = '';
  let code = 0;
  pipeline.forEach((raw, i) => {
    const stage = { out: '', err: '' };
    code = runSimple(raw, run, stdin, stage);
    sink.err += stage.err;
    if (i === pipeline.length - 1) sink.out += stage.out;
    else stdin = stage.out;
  });
  return code;
}

/** Runs the script lines; stops at `exit`, at a failure under `set -e`, or when it sleeps past the timeout. */
export function runLinuxScript(run: ShellRun, script: readonly string[], timeoutSeconds: number): ScriptResult {
  const sink = { out: '', err: '' };
  let exitCode: number | null = null;
  const physical = script.flatMap((s) => s.split('\n'));
  for (let n = 0; n < physical.length && exitCode === null; n++) {
    run.line = n + 1;
    if (CONTROL.test(physical[n])) continue;
    const items = splitLineCached(physical[n]);
    for (let i = 0; i < items.length; i++) {
      const { join, pipeline } = items[i];
      if ((join === '&&' && run.lastCode !== 0) || (join === '||' && run.lastCode === 0)) continue;
      const exit = /^exit(?:\s+(\S+))?$/.exec(pipeline[0]);
      if (exit) {
        exitCode = exit[1] === undefined ? run.lastCode : Number(words(exit[1], (k, t) => expand(k, t, run, sink)).argv[0]) & 255;
        break;
      }
      run.lastCode = runPipeline(pipeline, run, sink);
      if (run.slept > timeoutSeconds) return { stdout: sink.out, stderr: sink.err, code: -1, timedOut: true };
      const guarded = items[i + 1]?.join === '&&' || items[i + 1]?.join === '||';
      if (run.errexit && run.lastCode !== 0 && !guarded) exitCode = run.lastCode;
      if (exitCode !== null) break;
    }
  }
  const code = exitCode ?? run.lastCode;
  const stderr = code === 0 ? sink.err : `${sink.err}failed to run commands: exit status ${code}`;
  return { stdout: sink.out, stderr, code, timedOut: false };
}
