/** Reading files and filtering text: cat, head, tail, grep, wc, sort, uniq, awk '{print $N}', cut, ls. */
import { strftime } from './format';
import { fileContent, isLogFile, listDir, logTail } from './linux-fs';
import { fail, lines, ok, type CmdResult, type Handler, type ShellRun } from './types';

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

function countArg(args: string[], fallback: number): { n: number; files: string[] } {
  let n = fallback;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--lines') n = Number(args[++i]);
    else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
    else if (/^--lines=\d+$/.test(a)) n = Number(a.slice(8));
    else if (!a.startsWith('-')) files.push(a);
  }
  return { n: Number.isFinite(n) ? n : fallback, files };
}

const noFile = (cmd: string, path: string, verb = "cannot open '%s' for reading") => `${cmd}: ${verb.replace('%s', path)}: No such file or directory\n`;

/** Each file's lines (or stdin's), with errors for missing files; `pick` keeps the wanted part. */
function eachFile(cmd: string, args: string[], run: ShellRun, stdin: string, pick: (ls: string[], n: number) => string[], fallback: number, fromLog?: (path: string, n: number) => string[] | null): CmdResult {
  const { n, files } = countArg(args, fallback);
  if (files.length === 0) return ok(lines(pick(splitLines(stdin), n)));
  let out = '';
  let err = '';
  for (const path of files) {
    const fromTail = fromLog?.(path, n) ?? null;
    const whole = fromTail ? null : fileContent(run, path);
    const content = fromTail ?? (whole === null ? null : splitLines(whole));
    if (content === null) err += noFile(cmd, path, cmd === 'cat' ? '%s' : undefined);
    else out += (files.length > 1 ? `==> ${path} <==\n` : '') + lines(pick(content, n));
  }
  return err ? fail(1, err, out) : ok(out);
}

const tail: Handler = (args, run, stdin) => eachFile('tail', args, run, stdin, (ls, n) => ls.slice(Math.max(0, ls.length - n)), 10, (path, n) => (isLogFile(run.facts, path) ? logTail(run, path, n) : null));
const head: Handler = (args, run, stdin) => eachFile('head', args, run, stdin, (ls, n) => ls.slice(0, n), 10);
const cat: Handler = (args, run, stdin) => eachFile('cat', args.filter((a) => !a.startsWith('-')), run, stdin, (ls) => ls, 0);

function regexOf(pattern: string, ignoreCase: boolean): RegExp {
  try {
    return new RegExp(pattern, ignoreCase ? 'i' : '');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
  }
}

const grep: Handler = (args, run, stdin) => {
  let flags = '';
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-e') pattern = args[++i] ?? '';
    else if (/^-[a-zA-Z]+$/.test(a)) flags += a.slice(1);
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  const input = files.length > 0 ? files.map((f) => fileContent(run, f) ?? '').join('') : stdin;
  const re = regexOf(pattern ?? '', flags.includes('i'));
  const hits = splitLines(input).filter((l) => re.test(l) !== flags.includes('v'));
  const code = hits.length > 0 ? 0 : 1;
  if (flags.includes('c')) return { out: `${hits.length}\n`, err: '', code };
  return { out: flags.includes('q') ? '' : lines(hits), err: '', code };
};

const wc: Handler = (args, _run, stdin) => {
  const ls = splitLines(stdin);
  if (args.includes('-l')) return ok(`${ls.length}\n`);
  const w = stdin.split(/\s+/).filter(Boolean).length;
  return ok(`${String(ls.length).padStart(7)} ${String(w).padStart(7)} ${String(stdin.length).padStart(7)}\n`);
};

const sort: Handler = (args, _run, stdin) => {
  const ls = splitLines(stdin).sort();
  return ok(lines(args.includes('-r') ? ls.reverse() : ls));
};

const uniq: Handler = (_args, _run, stdin) => ok(lines(splitLines(stdin).filter((l, i, a) => i === 0 || a[i - 1] !== l)));

const awk: Handler = (args, _run, stdin) => {
  const m = /print\s+\$(\d+)/.exec(args.find((a) => a.includes('print')) ?? '');
  if (!m) return ok(stdin);
  const col = Number(m[1]);
  return ok(lines(splitLines(stdin).map((l) => (col === 0 ? l : (l.trim().split(/\s+/)[col - 1] ?? '')))));
};

const cut: Handler = (args, _run, stdin) => {
  const d = args.find((a) => a.startsWith('-d'))?.slice(2) || '\t';
  const f = Number(args.find((a) => a.startsWith('-f'))?.slice(2) ?? '1');
  return ok(lines(splitLines(stdin).map((l) => l.split(d)[f - 1] ?? '')));
};

const ls: Handler = (args, run) => {
  const long = args.some((a) => /^-[a-zA-Z]*l/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  let out = '';
  let err = '';
  for (const path of paths.length > 0 ? paths : [run.cwd]) {
    const dir = listDir(run, path);
    const isFile = dir === null && (isLogFile(run.facts, path) || fileContent(run, path) !== null);
    if (dir === null && !isFile) {
      err += `ls: cannot access '${path}': No such file or directory\n`;
      continue;
    }
    const entries = dir ?? [path];
    const size = (name: string) => 1024 + Math.floor(run.roll('size', path, name) * 5_000_000);
    const stamp = strftime(run.start - 3_600_000, '%b %e %H:%M');
    const mode = (e: string) => (dir !== null && listDir(run, `${path.replace(/\/$/, '')}/${e}`) !== null ? 'drwxr-xr-x.' : '-rw-r--r--.');
    const rows = entries.map((e) => (long ? `${mode(e)} 1 root root ${String(size(e)).padStart(8)} ${stamp} ${e}` : e));
    out += (paths.length > 1 && dir ? `${path}:\n` : '') + lines(long && dir ? [`total ${entries.length * 8}`, ...rows] : rows);
  }
  return err ? fail(2, err, out) : ok(out);
};

/** tr's sets with ranges expanded (a-z). */
const charSet = (set: string) => set.replace(/(.)-(.)/g, (_all, a: string, b: string) => Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_, k) => String.fromCharCode(a.charCodeAt(0) + k)).join(''));

const tr: Handler = (args, _run, stdin) => {
  const [from, to] = args.filter((a) => !a.startsWith('-')).map(charSet).concat(['', '']);
  if (args.includes('-d')) return ok([...stdin].filter((ch) => !from.includes(ch)).join(''));
  return ok([...stdin].map((ch) => (from.includes(ch) ? (to[Math.min(from.indexOf(ch), to.length - 1)] ?? ch) : ch)).join(''));
};

export const TEXT_COMMANDS: Record<string, Handler> = { cat, tail, head, grep, egrep: grep, wc, sort, uniq, awk, cut, ls, tr };
