/**
 * A small POSIX-shell parser for the simulation: a script line becomes and-or lists of
 * pipelines (`a | b && c; d || e`), and a simple command becomes words (quotes removed,
 * `$VAR`, `${VAR}`, `$?`, `$(cmd)` and backticks expanded through a callback) plus its
 * redirections. Control flow (if/for/while/case) is not interpreted.
 */
export type Join = ';' | '&&' | '||';

export interface ListItem {
  join: Join;
  /** The pipeline's commands, raw. */
  pipeline: string[];
}

const splitCache = new Map<string, ListItem[]>();

/** splitLine, remembered: a command runs the same lines on every node. */
export function splitLineCached(line: string): ListItem[] {
  let items = splitCache.get(line);
  if (!items) {
    if (splitCache.size > 5000) splitCache.clear();
    splitCache.set(line, (items = splitLine(line)));
  }
  return items;
}

/** The list operator at line[i] (outside quotes): `&&`, `||`, `|` or `;` (a background `&` counts as `;`). */
function operatorAt(line: string, i: number): string | null {
  const two = line.slice(i, i + 2);
  if (two === '&&' || two === '||') return two;
  if (line[i] === ';' || line[i] === '|') return line[i];
  return line[i] === '&' && line[i + 1] !== '>' && line[i - 1] !== '>' ? ';' : null;
}

/** Splits a line at top-level `;`, `&`, `&&`, `||` and `|` (outside quotes and `$( )`), dropping comments. */
export function splitLine(line: string): ListItem[] {
  const items: ListItem[] = [];
  let join: Join = ';';
  let pipeline: string[] = [];
  let cur = '';
  let quote = '';
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      cur += c === '\\' && quote === '"' ? c + (line[++i] ?? '') : c;
      continue;
    }
    const op = depth === 0 ? operatorAt(line, i) : null;
    if (depth === 0 && c === '#' && (cur === '' || /\s$/.test(cur))) break;
    if (!op) {
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '$' && line[i + 1] === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      cur += c;
      continue;
    }
    pipeline.push(cur.trim());
    cur = '';
    i += op.length - 1;
    if (op === '|') continue;
    if (pipeline.some((p) => p !== '')) items.push({ join, pipeline: pipeline.filter((p) => p !== '') });
    [pipeline, join] = [[], op as Join];
  }
  pipeline.push(cur.trim());
  if (pipeline.some((p) => p !== '')) items.push({ join, pipeline: pipeline.filter((p) => p !== '') });
  return items;
}

export interface Redirects {
  /** Where stdout goes: the pipe/script output, stderr, nowhere, or a file. */
  stdout: 'out' | 'err' | 'null' | 'file';
  stderr: 'err' | 'out' | 'null' | 'file';
  file?: string;
}

export interface Words {
  argv: string[];
  redirects: Redirects;
}

export type Expand = (kind: 'var' | 'cmd', text: string) => string;

const REDIRECT = /^(2>&1|1>&2|>&2|&>|2>>|2>|1>>|1>|>>|>|<)/;

function applyRedirect(op: string, target: string | undefined, r: Redirects): void {
  if (op === '2>&1') r.stderr = 'out';
  else if (op === '1>&2' || op === '>&2') r.stdout = 'err';
  else if (op === '<') return;
  else {
    const to = target === '/dev/null' ? 'null' : 'file';
    if (to === 'file') r.file = target;
    if (op.startsWith('2')) r.stderr = to;
    else {
      r.stdout = to;
      if (op === '&>') r.stderr = to;
    }
  }
}

/** Reads `$...` at s[i] (after the `$`); returns the expansion and the index after it. */
function dollar(s: string, i: number, expand: Expand): [string, number] {
  if (s[i] === '(') {
    let depth = 1;
    let j = i + 1;
    for (; j < s.length && depth > 0; j++) depth += s[j] === '(' ? 1 : s[j] === ')' ? -1 : 0;
    return [expand('cmd', s.slice(i + 1, j - 1)), j];
  }
  if (s[i] === '{') {
    const j = s.indexOf('}', i);
    return [expand('var', s.slice(i + 1, j < 0 ? s.length : j)), j < 0 ? s.length : j + 1];
  }
  const m = /^(\?|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
  return m ? [expand('var', m[1]), i + m[1].length] : ['$', i];
}

/** A double-quoted string starting at raw[i] (the quote): its text (expanded) and the index of the closing quote. */
function doubleQuoted(raw: string, i: number, expand: Expand): [string, number] {
  let text = '';
  for (i++; i < raw.length && raw[i] !== '"'; i++) {
    if (raw[i] === '\\' && /["\\$`]/.test(raw[i + 1] ?? '')) text += raw[++i];
    else if (raw[i] === '$') {
      const [value, next] = dollar(raw, i + 1, expand);
      text += value;
      i = next - 1;
    } else text += raw[i];
  }
  return [text, i];
}

/** A single-quoted (literal) or backquoted (command substitution) part starting at raw[i]. */
function quoted(raw: string, i: number, expand: Expand): [string, number] {
  const close = raw.indexOf(raw[i], i + 1);
  const end = close < 0 ? raw.length : close;
  const inner = raw.slice(i + 1, end);
  return [raw[i] === '`' ? expand('cmd', inner) : inner, end];
}

/** The words of a simple command, with its redirections taken out. */
export function words(raw: string, expand: Expand): Words {
  const argv: string[] = [];
  const redirects: Redirects = { stdout: 'out', stderr: 'err' };
  let pending: string | null = null;
  let cur = '';
  let has = false;
  const push = () => {
    if (has && pending) applyRedirect(pending, cur, redirects);
    else if (has) argv.push(cur);
    if (has) [pending, cur, has] = [null, '', false];
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    let part: [string, number] | null = null;
    if (/\s/.test(c)) push();
    else if (c === "'" || c === '`') part = quoted(raw, i, expand);
    else if (c === '"') part = doubleQuoted(raw, i, expand);
    else if (c === '$') part = ((r) => [r[0], r[1] - 1] as [string, number])(dollar(raw, i + 1, expand));
    else if (!has && REDIRECT.test(raw.slice(i))) {
      const op = (REDIRECT.exec(raw.slice(i)) as RegExpExecArray)[1];
      i += op.length - 1;
      if (op.includes('&') && op !== '&>') applyRedirect(op, undefined, redirects);
      else pending = op;
    } else part = c === '\\' && i + 1 < raw.length ? [raw[i + 1], i + 1] : [c, i];
    if (part) [cur, i, has] = [cur + part[0], part[1], true];
  }
  push();
  return { argv, redirects };
}
