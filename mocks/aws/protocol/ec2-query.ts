/**
 * The EC2 protocol, driven by the model: a form-encoded query request
 * (`Action=DescribeInstances&Filter.1.Name=...&Filter.1.Value.1=...&InstanceId.1=...`)
 * and an XML response whose element names are the members' `locationName`s, with
 * list entries as `<item>`.
 */
import { AwsError } from '../errors';
import { textResponse } from './json11';
import { getShape, type ServiceModel, type ShapeRef } from './model';

export const EC2_CONTENT_TYPE = 'text/xml;charset=UTF-8';

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The query key of a structure member: queryName, else locationName capitalised, else the member name. */
export function queryKey(name: string, ref: ShapeRef): string {
  return ref.queryName ?? (ref.locationName ? upperFirst(ref.locationName) : name);
}

interface Decoder {
  model: ServiceModel;
  values: Map<string, string>;
  prefixes: Set<string>;
}

function decodeScalar(type: string, raw: string, key: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(raw)) throw new AwsError('InvalidParameterValue', `Value (${raw}) for parameter ${key} is invalid.`);
      return Number(raw);
    case 'float':
    case 'double': {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) throw new AwsError('InvalidParameterValue', `Value (${raw}) for parameter ${key} is invalid.`);
      return n;
    }
    case 'boolean':
      if (!/^(true|false)$/i.test(raw)) throw new AwsError('InvalidParameterValue', `Value (${raw}) for parameter ${key} is invalid.`);
      return raw.toLowerCase() === 'true';
    case 'timestamp': {
      const d = new Date(raw);
      if (Number.isNaN(d.getTime())) throw new AwsError('InvalidParameterValue', `Value (${raw}) for parameter ${key} is invalid.`);
      return d;
    }
    default:
      return raw;
  }
}

function decodeShape(d: Decoder, shapeName: string, prefix: string): unknown {
  const shape = getShape(d.model, shapeName);
  if (shape.type === 'structure') {
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const key = prefix ? `${prefix}.${queryKey(name, ref)}` : queryKey(name, ref);
      if (d.prefixes.has(key)) out[name] = decodeShape(d, ref.shape, key);
    }
    return out;
  }
  if (shape.type === 'list' && shape.member) {
    // EC2 lists are always flattened: Name.1, Name.2, ... (the member's locationName is not used).
    const items: unknown[] = [];
    for (let i = 1; d.prefixes.has(`${prefix}.${i}`); i++) items.push(decodeShape(d, shape.member.shape, `${prefix}.${i}`));
    return items;
  }
  if (shape.type === 'map') return undefined; // no EC2 operation used here takes a map
  const raw = d.values.get(prefix);
  return raw === undefined ? undefined : decodeScalar(shape.type, raw, prefix);
}

/** Decodes the form parameters of `operation` into an object keyed by the model's member names. */
export function decodeQuery(model: ServiceModel, operation: string, params: URLSearchParams): Record<string, unknown> {
  const inputShape = model.operations[operation]?.input?.shape;
  if (!inputShape) return {};
  const values = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    values.set(key, value);
    for (let dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) prefixes.add(key.slice(0, dot));
    prefixes.add(key);
  }
  return decodeShape({ model, values, prefixes }, inputShape, '') as Record<string, unknown>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

function encodeScalar(type: string, value: unknown): string {
  if (type === 'timestamp') return (value instanceof Date ? value : new Date(value as number)).toISOString();
  if (type === 'boolean') return value ? 'true' : 'false';
  return escapeXml(String(value));
}

function encodeShape(model: ServiceModel, shapeName: string, value: unknown, out: string[]): void {
  const shape = getShape(model, shapeName);
  if (shape.type === 'structure') {
    const members = shape.members ?? {};
    for (const name of Object.keys(value as object)) {
      const child = (value as Record<string, unknown>)[name];
      if (child === undefined || child === null) continue;
      const ref = members[name];
      if (!ref) throw new Error(`${shapeName} has no member ${name}`);
      const tag = ref.locationName ?? name;
      out.push(`<${tag}>`);
      encodeShape(model, ref.shape, child, out);
      out.push(`</${tag}>`);
    }
  } else if (shape.type === 'list' && shape.member) {
    const tag = shape.member.locationName ?? 'item';
    for (const item of value as unknown[]) {
      out.push(`<${tag}>`);
      encodeShape(model, shape.member.shape, item, out);
      out.push(`</${tag}>`);
    }
  } else {
    out.push(encodeScalar(shape.type, value));
  }
}

/** `<OperationResponse xmlns="..."><requestId>...</requestId>...members...</OperationResponse>` */
export function encodeXmlResponse(model: ServiceModel, operation: string, output: object, requestId: string): string {
  const outputShape = model.operations[operation]?.output?.shape;
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${model.metadata.xmlNamespace}/">`,
    `<requestId>${escapeXml(requestId)}</requestId>`,
  ];
  if (outputShape) encodeShape(model, outputShape, output, out);
  out.push(`</${operation}Response>`);
  return out.join('');
}

export function encodeXmlError(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>' +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
    `</Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}

export function xmlResponse(body: string, status: number, requestId: string): Response {
  return textResponse(body, status, { 'content-type': EC2_CONTENT_TYPE, 'x-amzn-requestid': requestId });
}
