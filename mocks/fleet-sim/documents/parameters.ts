/**
 * SendCommand's Parameters checked against a document version's parameter schema, the
 * way Systems Manager rejects them (InvalidParameters): undeclared names, required
 * parameters (no default) missing, one value for single-valued types, the types
 * (Boolean true/false, Integer digits, StringMap a JSON object, MapList JSON objects),
 * allowedValues, allowedPattern (matched against the whole value), minItems/maxItems,
 * minChars/maxChars. Returns the values with the defaults filled in.
 */
import { SimError } from '../errors';
import type { ParamDef, ResolvedVersion } from './types';

const bad = (message: string): never => {
  throw new SimError('InvalidParameters', message);
};

const patternCache = new Map<string, RegExp>();
function wholeMatch(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) patternCache.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  return re;
}

/** A parameter's default as SendCommand values (lists as given, structures as JSON). */
export function defaultValues(def: ParamDef): string[] | undefined {
  const d = def.default;
  if (d === undefined) return undefined;
  if (def.type === 'StringList') return [...(d as string[])];
  if (def.type === 'StringMap' || def.type === 'MapList') return [JSON.stringify(d)];
  return [String(d)];
}

/** DescribeDocument's DefaultValue: strings as they are, anything else as JSON. */
export function describeDefault(def: ParamDef): string | undefined {
  const d = def.default;
  if (d === undefined) return undefined;
  return typeof d === 'string' ? d : typeof d === 'number' || typeof d === 'boolean' ? String(d) : JSON.stringify(d);
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkType(name: string, def: ParamDef, values: string[]): void {
  const single = def.type !== 'StringList' && !(def.type === 'MapList' && values.length > 1);
  if (single && values.length !== 1) bad(`Parameter "${name}" is of type ${def.type} and takes a single value (got ${values.length}).`);
  for (const value of values) {
    const ok = def.type === 'Boolean' ? /^(true|false)$/i.test(value)
      : def.type === 'Integer' ? /^-?[0-9]+$/.test(value)
        : def.type === 'StringMap' ? isObject(parseJson(value))
          : def.type === 'MapList' ? (values.length > 1 ? isObject(parseJson(value)) : Array.isArray(parseJson(value)) && (parseJson(value) as unknown[]).every(isObject))
            : true;
    if (!ok) bad(`Parameter "${name}" value "${value}" is not a valid ${def.type}.`);
  }
}

function itemCount(def: ParamDef, values: string[]): number {
  if (def.type === 'MapList' && values.length === 1) return (parseJson(values[0]) as unknown[]).length;
  return values.length;
}

function checkRules(name: string, def: ParamDef, values: string[]): void {
  const count = itemCount(def, values);
  if (def.minItems !== undefined && count < def.minItems) bad(`Parameter "${name}" needs at least ${def.minItems} item(s) (got ${count}).`);
  if (def.maxItems !== undefined && count > def.maxItems) bad(`Parameter "${name}" takes at most ${def.maxItems} item(s) (got ${count}).`);
  for (const value of values) {
    const chars = [...value].length;
    if (def.allowedValues && !def.allowedValues.includes(value)) bad(`Parameter "${name}" value "${value}" is not one of the allowed values: ${def.allowedValues.join(', ')}.`);
    if (def.allowedPattern && !wholeMatch(def.allowedPattern).test(value)) bad(`Parameter "${name}" value "${value}" does not match the allowed pattern ${def.allowedPattern}.`);
    if (def.minChars !== undefined && chars < def.minChars) bad(`Parameter "${name}" value must be at least ${def.minChars} characters long (got ${chars}).`);
    if (def.maxChars !== undefined && chars > def.maxChars) bad(`Parameter "${name}" value must be at most ${def.maxChars} characters long (got ${chars}).`);
  }
}

/** The parameters with the version's defaults filled in, or InvalidParameters naming the first problem. */
export function checkParameters(version: ResolvedVersion, given: Record<string, string[]> | undefined): Record<string, string[]> {
  const schema = version.def.parameters;
  const params = given ?? {};
  const where = `document ${version.doc.name} (version ${version.version})`;
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(schema, name)) bad(`Parameter "${name}" is not defined in ${where}. Valid parameters: ${Object.keys(schema).join(', ')}.`);
  }
  const out: Record<string, string[]> = {};
  for (const [name, def] of Object.entries(schema)) {
    const values = Object.hasOwn(params, name) ? params[name] : undefined;
    if (values === undefined || (values.length === 0 && def.type !== 'StringList')) {
      const fallback = defaultValues(def);
      if (fallback === undefined) bad(`Parameter "${name}" is required by ${where} and has no default value.`);
      out[name] = fallback as string[];
      continue;
    }
    checkType(name, def, values);
    checkRules(name, def, values);
    out[name] = [...values];
  }
  return out;
}
