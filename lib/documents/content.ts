/**
 * A document's content (schema 1.2: runtimeConfig plugins; 2.x: mainSteps) -> its parameter declarations and steps.
 * Pure: the shapes come from AWS's document schema, not from the SDK.
 */
import { PARAMETER_TYPES, type DocumentParameter, type ParameterType } from '@/lib/contracts/documents';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A default as the text values SendCommand takes (Parameters is a map of string lists). */
export function defaultValues(type: ParameterType, value: unknown): string[] {
  if (type === 'StringList') return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [String(value)];
  if (type === 'StringMap' || type === 'MapList') return [typeof value === 'string' ? value : JSON.stringify(value)];
  return [typeof value === 'string' ? value : String(value)];
}

function parameter(name: string, raw: Json): DocumentParameter {
  const type = (PARAMETER_TYPES as readonly string[]).includes(String(raw.type)) ? (raw.type as ParameterType) : 'String';
  const hasDefault = Object.hasOwn(raw, 'default');
  return {
    name,
    type,
    description: text(raw.description) ?? '',
    default: hasDefault ? defaultValues(type, raw.default) : null,
    required: !hasDefault,
    allowedValues: Array.isArray(raw.allowedValues) ? raw.allowedValues.map(String) : null,
    allowedPattern: text(raw.allowedPattern),
    displayType: text(raw.displayType),
    minItems: num(raw.minItems),
    maxItems: num(raw.maxItems),
    minChars: num(raw.minChars),
    maxChars: num(raw.maxChars),
  };
}

export interface ParsedContent {
  parameters: DocumentParameter[];
  steps: string[];
  description: string | null;
}

/** Parse a JSON document's content; a document the dashboard cannot read yields no declarations, not an error. */
export function parseContent(content: string | undefined): ParsedContent | null {
  if (!content) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return null;
  }
  if (!isObj(doc)) return null;
  const params = isObj(doc.parameters) ? doc.parameters : {};
  const parameters = Object.entries(params).filter(([, v]) => isObj(v)).map(([k, v]) => parameter(k, v as Json));
  const plugins = isObj(doc.runtimeConfig) ? Object.keys(doc.runtimeConfig) : [];
  const steps = Array.isArray(doc.mainSteps) ? doc.mainSteps.filter(isObj).map((s) => String(s.name ?? s.action ?? '')) : plugins;
  return { parameters, steps, description: text(doc.description) };
}
