/**
 * The AWS query protocol as IAM speaks it, driven by the model: a form-encoded request
 * (`Action=GetInstanceProfile&Version=2010-05-08&InstanceProfileName=...`, lists as `Name.member.N`) and an XML
 * response `<OperationResponse xmlns="..."><OperationResult>...</OperationResult><ResponseMetadata><RequestId>`,
 * element names the members' names (or locationNames), list entries `<member>`. Unlike EC2's dialect.
 */
import { AwsError } from '../errors';
import { escapeXml } from './ec2-query';
import { textResponse } from './json11';
import { getShape, type ServiceModel, type ShapeRef } from './model';

export const QUERY_CONTENT_TYPE = 'text/xml';

interface Decoder {
  model: ServiceModel;
  values: Map<string, string>;
  prefixes: Set<string>;
}

function decodeScalar(type: string, raw: string, key: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(raw)) throw new AwsError('ValidationError', `1 validation error detected: Value '${raw}' at '${key}' failed to satisfy constraint: Member must be a number`);
      return Number(raw);
    case 'boolean':
      if (!/^(true|false)$/i.test(raw)) throw new AwsError('ValidationError', `1 validation error detected: Value '${raw}' at '${key}' failed to satisfy constraint: Member must be a boolean`);
      return raw.toLowerCase() === 'true';
    case 'timestamp':
      return new Date(raw).getTime() / 1000;
    default:
      return raw;
  }
}

const memberKey = (name: string, ref: ShapeRef) => ref.queryName ?? ref.locationName ?? name;

function decodeShape(d: Decoder, shapeName: string, prefix: string, flattened: boolean): unknown {
  const shape = getShape(d.model, shapeName);
  if (shape.type === 'structure') {
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const key = prefix ? `${prefix}.${memberKey(name, ref)}` : memberKey(name, ref);
      if (d.prefixes.has(key)) out[name] = decodeShape(d, ref.shape, key, ref.flattened === true);
    }
    return out;
  }
  if (shape.type === 'list' && shape.member) {
    const base = flattened || shape.flattened ? prefix : `${prefix}.${shape.member.locationName ?? 'member'}`;
    const items: unknown[] = [];
    for (let i = 1; d.prefixes.has(`${base}.${i}`); i++) items.push(decodeShape(d, shape.member.shape, `${base}.${i}`, false));
    // An empty list is sent as `Name=` (no members).
    return items;
  }
  if (shape.type === 'map' && shape.key && shape.value) {
    const out: Record<string, unknown> = {};
    for (let i = 1; d.prefixes.has(`${prefix}.entry.${i}`); i++) {
      const k = d.values.get(`${prefix}.entry.${i}.key`);
      if (k !== undefined) out[k] = decodeShape(d, shape.value.shape, `${prefix}.entry.${i}.value`, false);
    }
    return out;
  }
  const raw = d.values.get(prefix);
  return raw === undefined ? undefined : decodeScalar(shape.type, raw, prefix);
}

/** The form parameters of `operation` as an object keyed by the model's member names (numbers as numbers). */
export function decodeQueryInput(model: ServiceModel, operation: string, params: URLSearchParams): Record<string, unknown> {
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
  return decodeShape({ model, values, prefixes }, inputShape, '', false) as Record<string, unknown>;
}

function encodeScalar(type: string, value: unknown): string {
  // IAM sends timestamps without milliseconds: 2023-04-01T10:20:30Z.
  if (type === 'timestamp') return (value instanceof Date ? value : new Date(value as number)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (type === 'boolean') return value ? 'true' : 'false';
  return escapeXml(String(value));
}

function encodeValue(model: ServiceModel, shapeName: string, value: unknown, out: string[]): void {
  const shape = getShape(model, shapeName);
  if (shape.type === 'structure') {
    const members = shape.members ?? {};
    for (const name of Object.keys(value as object)) {
      const child = (value as Record<string, unknown>)[name];
      if (child === undefined || child === null) continue;
      const ref = members[name];
      if (!ref) throw new Error(`${shapeName} has no member ${name}`);
      const tag = ref.locationName ?? name;
      const childShape = getShape(model, ref.shape);
      if (childShape.type === 'list' && (ref.flattened || childShape.flattened)) {
        for (const item of child as unknown[]) {
          out.push(`<${tag}>`);
          encodeValue(model, childShape.member?.shape as string, item, out);
          out.push(`</${tag}>`);
        }
        continue;
      }
      out.push(`<${tag}>`);
      encodeValue(model, ref.shape, child, out);
      out.push(`</${tag}>`);
    }
  } else if (shape.type === 'list' && shape.member) {
    const tag = shape.member.locationName ?? 'member';
    for (const item of value as unknown[]) {
      out.push(`<${tag}>`);
      encodeValue(model, shape.member.shape, item, out);
      out.push(`</${tag}>`);
    }
  } else if (shape.type === 'map' && shape.key && shape.value) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out.push('<entry><key>', escapeXml(k), '</key><value>');
      encodeValue(model, shape.value.shape, v, out);
      out.push('</value></entry>');
    }
  } else {
    out.push(encodeScalar(shape.type, value));
  }
}

export function encodeQueryResponse(model: ServiceModel, operation: string, output: object, requestId: string): string {
  const op = model.operations[operation];
  const ns = model.metadata.xmlNamespace ?? '';
  const out = [`<${operation}Response xmlns="${ns}">\n`];
  if (op?.output) {
    const wrapper = op.output.resultWrapper ?? `${operation}Result`;
    out.push(`  <${wrapper}>`);
    encodeValue(model, op.output.shape, output, out);
    out.push(`</${wrapper}>\n`);
  }
  out.push(`  <ResponseMetadata>\n    <RequestId>${escapeXml(requestId)}</RequestId>\n  </ResponseMetadata>\n</${operation}Response>\n`);
  return out.join('');
}

export function encodeQueryError(model: ServiceModel, code: string, message: string, status: number, requestId: string): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${model.metadata.xmlNamespace ?? ''}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(code)}</Code>\n`
    + `    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>${escapeXml(requestId)}</RequestId>\n</ErrorResponse>\n`;
}

export function queryXmlResponse(body: string, status: number, requestId: string): Response {
  return textResponse(body, status, { 'content-type': QUERY_CONTENT_TYPE, 'x-amzn-requestid': requestId });
}
