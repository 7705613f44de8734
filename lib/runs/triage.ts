/**
 * Triage: failed nodes that failed the same way, grouped. Pure.
 *
 * The error output of 500 nodes differs in instance IDs, PIDs, paths, addresses and times even when they failed for
 * one reason. Folding those variable parts gives a signature; nodes with the same outcome, exit code and signature
 * are one group ("37 nodes: Unit nginx.service not found, exit 5").
 */
import { OUTCOMES, type Outcome } from '@/lib/contracts/command-status';
import type { TriageGroup } from '@/lib/contracts/run';

const ERROR_TITLE = '----------ERROR-------';
const TRUNCATED = /\n?---(Output|Error) truncated-*/g;
/** Lines the SSM agent adds around a script's own error output. */
const BOILERPLATE = /^(failed to run commands: exit status \d+|-+ERROR-+)$/i;

/** A plugin's combined Output (stdout, the agent's ERROR title, stderr), split back. */
export function splitOutput(output: string): { stdout: string; stderr: string } {
  const at = output.indexOf(ERROR_TITLE);
  const clean = (s: string) => s.replace(TRUNCATED, '');
  if (at < 0) return { stdout: clean(output), stderr: '' };
  return { stdout: clean(output.slice(0, at)), stderr: clean(output.slice(at + ERROR_TITLE.length)) };
}

const hexish = (s: string) => (s.length >= 6 ? '<hex>' : s);
const FOLDS: [RegExp, string | ((m: string) => string)][] = [
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{2}:\d{2}:\d{2}\b/g, '<time>'],
  [/\b\d{1,2}:\d{2}:\d{2}(\.\d+)?\b/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b(m?i|ami|vol|sg|subnet|vpc|eni|snap|oi)-[0-9a-f]{8,17}\b/g, '<id>'],
  [/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, '<ip>'],
  [/[A-Za-z]:\\[^\s'"]*/g, '<path>'],
  [/(^|[\s'"(=:])\/[^\s'"):,]+/g, '$1<path>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*\b|\b[0-9a-f]*[a-f][0-9a-f]*\d[0-9a-f]*\b/gi, hexish],
  [/\b\d+(\.\d+)?\b/g, '<n>'],
];

/** The error with its variable parts folded, so that the same failure on different nodes reads the same. */
export function normalizeError(text: string): string {
  let s = text;
  for (const [re, by] of FOLDS) s = typeof by === 'string' ? s.replace(re, by) : s.replace(re, by);
  return s.replace(/\s+/g, ' ').trim();
}

/** The lines that say what went wrong: stderr without the agent's boilerplate, else the end of stdout. */
export function errorLines(stdout: string, stderr: string): string[] {
  const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !BOILERPLATE.test(l));
  const err = lines(stderr);
  return err.length ? err : lines(stdout).slice(-3);
}

/** A short stable key for a signature (FNV-1a, 32 bits). */
export function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export interface FailureFacts {
  nodeId: string;
  region: string;
  outcome: Outcome;
  exitCode: number | null;
  /** Error text (stderr, or stdout's end); null when the outcome has no output (never ran). */
  text: string | null;
}

export interface Classified {
  key: string;
  signature: string;
  errorLine: string | null;
}

/** One failed node's group. Outcomes that never ran (Undeliverable, Delivery Timed Out...) group by outcome alone. */
export function classify(f: FailureFacts): Classified {
  if (f.text === null) return { key: hashKey(f.outcome), signature: OUTCOMES[f.outcome].label, errorLine: null };
  const lines = errorLines(f.text, '');
  const signature = normalizeError(lines.slice(0, 3).join(' ⏎ ')).slice(0, 300) || '(no error output)';
  return { key: hashKey(`${f.outcome}|${f.exitCode ?? ''}|${signature}`), signature, errorLine: lines[0] ?? null };
}

/** Groups, largest first, each with one sample. */
export function groupFailures(failures: (FailureFacts & Classified)[]): TriageGroup[] {
  const groups = new Map<string, TriageGroup & { regionSet: Set<string> }>();
  for (const f of failures) {
    let g = groups.get(f.key);
    if (!g) {
      g = { key: f.key, outcome: f.outcome, exitCode: f.exitCode, signature: f.signature, sample: f.text === null ? null : { nodeId: f.nodeId, text: f.text.slice(0, 2000) }, count: 0, regions: [], regionSet: new Set() };
      groups.set(f.key, g);
    }
    g.count++;
    g.regionSet.add(f.region);
  }
  return [...groups.values()]
    .map(({ regionSet, ...g }) => ({ ...g, regions: [...regionSet].sort() }))
    .sort((a, b) => b.count - a.count || OUTCOMES[a.outcome].rank - OUTCOMES[b.outcome].rank);
}
