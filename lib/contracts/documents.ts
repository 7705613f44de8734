import { z } from 'zod';

/**
 * SSM documents as the dashboard shows them, and the validation of a run's parameters against a document's
 * declarations: the same function checks as the operator types (browser) and again before sending (server).
 */

export const DOCUMENT_NAME_PATTERN = /^[a-zA-Z0-9_\-.]{3,128}$/;
export const DocumentNameSchema = z.string().regex(DOCUMENT_NAME_PATTERN, 'a document name is 3-128 letters, digits, "_", "-" or "."');
/** $LATEST, $DEFAULT or a version number. */
export const DocumentVersionSchema = z.string().regex(/^(\$LATEST|\$DEFAULT|[1-9][0-9]*)$/, 'a document version is $LATEST, $DEFAULT or a number');

export const PARAMETER_TYPES = ['String', 'StringList', 'Boolean', 'Integer', 'StringMap', 'MapList'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface DocumentParameter {
  name: string;
  type: ParameterType;
  description: string;
  /** The document's default as text ("" is a real default); null when the document gives none (required). */
  default: string[] | null;
  required: boolean;
  allowedValues: string[] | null;
  allowedPattern: string | null;
  /** "textarea" when the document asks for a multi-line input. */
  displayType: string | null;
  minItems: number | null;
  maxItems: number | null;
  minChars: number | null;
  maxChars: number | null;
}

export interface DocumentSummary {
  name: string;
  owner: string;
  /** Owned by AWS (Owner "Amazon") or by this account. */
  ownedBy: 'aws' | 'account' | 'other';
  platformTypes: string[];
  documentVersion: string | null;
  documentType: string;
  schemaVersion: string | null;
  description: string | null;
  /** Where it exists (account documents may exist in some regions only). */
  regions: string[];
}

export interface DocumentsResponse {
  documents: DocumentSummary[];
  /** Regions whose list could not be read: the list may lack their account documents. */
  errors: { region: string; code: string; message: string }[];
}

export interface DocumentDetail extends DocumentSummary {
  latestVersion: string | null;
  defaultVersion: string | null;
  parameters: DocumentParameter[];
  /** Plugin or step names (aws:runShellScript...). */
  steps: string[];
  /** The execution timeout parameter when the document has one (script documents: executionTimeout). */
  executionTimeoutParameter: string | null;
}

export const PLATFORM_TYPES = ['Linux', 'Windows', 'MacOS'] as const;

export const DocumentsQuerySchema = z.object({
  q: z.string().max(128).default(''),
  platform: z.enum(PLATFORM_TYPES).optional(),
  owner: z.enum(['all', 'aws', 'account']).default('all'),
});
export type DocumentsQuery = z.infer<typeof DocumentsQuerySchema>;

export type Parameters = Record<string, string[]>;

/** One problem with one parameter, named. */
export interface ParameterProblem {
  parameter: string;
  rule: string;
  message: string;
}

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function checkText(p: DocumentParameter, value: string, what: string): ParameterProblem | null {
  const bad = (rule: string, message: string) => ({ parameter: p.name, rule, message: `${p.name}: ${message}` });
  if (p.allowedValues && !p.allowedValues.includes(value)) return bad('allowedValues', `${what} "${value}" is not one of ${p.allowedValues.join(', ')}`);
  const re = p.allowedPattern ? compile(p.allowedPattern) : null;
  if (re && !re.test(value)) return bad('allowedPattern', `${what} "${value.slice(0, 80)}" does not match the allowed pattern ${p.allowedPattern}`);
  if (p.minChars !== null && value.length < p.minChars) return bad('minChars', `${what} needs at least ${plural(p.minChars, 'character')}`);
  if (p.maxChars !== null && value.length > p.maxChars) return bad('maxChars', `${what} may have at most ${plural(p.maxChars, 'character')} (has ${value.length})`);
  return null;
}

function checkJson(p: DocumentParameter, value: string): ParameterProblem | null {
  try {
    const v: unknown = JSON.parse(value);
    const ok = p.type === 'StringMap' ? typeof v === 'object' && v !== null && !Array.isArray(v) : Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null);
    if (ok) return null;
  } catch {
    /* reported below */
  }
  const shape = p.type === 'StringMap' ? 'a JSON object like {"key": "value"}' : 'a JSON list of objects like [{"key": "value"}]';
  return { parameter: p.name, rule: 'type', message: `${p.name}: must be ${shape}` };
}

/** Problems of one parameter's values (empty when fine). */
export function checkParameter(p: DocumentParameter, values: string[] | undefined): ParameterProblem[] {
  const bad = (rule: string, message: string): ParameterProblem[] => [{ parameter: p.name, rule, message: `${p.name}: ${message}` }];
  const given = values ?? [];
  if (given.length === 0 || (p.type !== 'StringList' && given.length === 1 && given[0] === '' && p.required)) {
    return p.required ? bad('required', 'is required (the document gives no default)') : [];
  }
  if (p.type === 'StringList') {
    if (p.minItems !== null && given.length < p.minItems) return bad('minItems', `needs at least ${plural(p.minItems, 'item')}`);
    if (p.maxItems !== null && given.length > p.maxItems) return bad('maxItems', `may have at most ${plural(p.maxItems, 'item')} (has ${given.length})`);
    return given.flatMap((v, i) => checkText(p, v, `item ${i + 1}`) ?? []);
  }
  if (given.length > 1) return bad('type', `takes one value (got ${given.length})`);
  const value = given[0];
  if (p.type === 'Boolean' && value !== 'true' && value !== 'false') return bad('type', `must be true or false (got "${value}")`);
  if (p.type === 'Integer' && !/^-?\d+$/.test(value)) return bad('type', `must be a whole number (got "${value}")`);
  if (p.type === 'StringMap' || p.type === 'MapList') return [checkJson(p, value)].filter((x) => x !== null);
  const problem = checkText(p, value, 'value');
  return problem ? [problem] : [];
}

/** Every problem of a run's parameters against the document: unknown names, required, types, rules. */
export function checkParameters(defs: DocumentParameter[], params: Parameters): ParameterProblem[] {
  const known = new Set(defs.map((d) => d.name));
  const unknown: ParameterProblem[] = Object.keys(params)
    .filter((k) => !known.has(k))
    .map((k) => ({ parameter: k, rule: 'unknown', message: `${k}: the document has no such parameter (it has ${[...known].join(', ') || 'none'})` }));
  return [...unknown, ...defs.flatMap((d) => checkParameter(d, params[d.name]))];
}

/** The values a document's parameters start from: its defaults, then what the caller brings (a re-run, a preset). */
export function initialParameters(defs: DocumentParameter[], given: Parameters = {}): Parameters {
  const out: Parameters = {};
  for (const d of defs) out[d.name] = given[d.name] ?? d.default ?? (d.type === 'StringList' ? [] : ['']);
  return out;
}

/** The parameters to send: every value the form holds for a known parameter, empty optional lists left out. */
export function parametersToSend(defs: DocumentParameter[], params: Parameters): Parameters {
  const out: Parameters = {};
  for (const d of defs) {
    const v = params[d.name];
    if (v === undefined || (v.length === 0 && !d.required)) continue;
    out[d.name] = v;
  }
  return out;
}
