/**
 * Generic checks of a raw EC2 XML response against the derived model: every element
 * name is the model's locationName for that member, list entries are <item>, enums are
 * legal (platform=windows and lower-case VPC endpoint states are the known exceptions),
 * scalars parse as their types. IAM's query dialect too: a `<OperationResult>` wrapper,
 * `<member>` list entries, required members present, `<ResponseMetadata><RequestId>`.
 */
import { XMLParser } from 'fast-xml-parser';
import { getShape, type ServiceModel } from '../protocol/model';

type XNode = Record<string, unknown>;
interface Element {
  tag: string;
  children: XNode[];
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true });

function elements(children: XNode[]): Element[] {
  const out: Element[] = [];
  for (const node of children) {
    for (const [tag, value] of Object.entries(node)) {
      if (tag === '#text' || tag === ':@' || tag.startsWith('?')) continue;
      out.push({ tag, children: value as XNode[] });
    }
  }
  return out;
}

function text(children: XNode[]): string {
  return children.map((n) => (typeof n['#text'] === 'string' || typeof n['#text'] === 'number' ? String(n['#text']) : '')).join('');
}

/**
 * Known deviations of the live EC2 API from its model: platform "windows"; VPC endpoint states in lower case
 * ("available", as `aws ec2 describe-vpc-endpoints` shows; the model's enum is PascalCase).
 */
const ENUM_EXCEPTIONS: Record<string, string[]> = {
  PlatformValues: ['windows'],
  State: ['pendingAcceptance', 'pending', 'available', 'deleting', 'deleted', 'rejected', 'failed', 'expired', 'partial'],
};

interface Dialect {
  /** List entries: EC2 `<item>`, query (IAM) `<member>`. */
  itemTag: string;
  /** Check the required members of structures (the IAM model marks them; EC2's outputs are not marked). */
  required: boolean;
}
const EC2_DIALECT: Dialect = { itemTag: 'item', required: false };
const QUERY_DIALECT: Dialect = { itemTag: 'member', required: true };

function validateElement(model: ServiceModel, shapeName: string, el: Element, path: string, out: string[], dialect: Dialect = EC2_DIALECT): void {
  const shape = getShape(model, shapeName);
  const fail = (msg: string) => out.push(`${path}: ${msg}`);
  if (shape.type === 'structure') {
    const byName = new Map(Object.entries(shape.members ?? {}).map(([name, ref]) => [ref.locationName ?? name, ref]));
    if (text(el.children).trim() !== '') fail(`unexpected text in structure ${shapeName}`);
    const seen = new Set<string>();
    for (const child of elements(el.children)) {
      const ref = byName.get(child.tag);
      seen.add(child.tag);
      if (!ref) fail(`element <${child.tag}> is not a member of ${shapeName} (expected one of ${[...byName.keys()].join(', ')})`);
      else validateElement(model, ref.shape, child, `${path}.${child.tag}`, out, dialect);
    }
    if (dialect.required) {
      for (const name of shape.required ?? []) {
        const tag = shape.members?.[name]?.locationName ?? name;
        if (!seen.has(tag)) fail(`required member ${name} missing (${shapeName})`);
      }
    }
    return;
  }
  if (shape.type === 'list') {
    const itemTag = shape.member?.locationName ?? dialect.itemTag;
    elements(el.children).forEach((child, i) => {
      if (child.tag !== itemTag) fail(`list entry <${child.tag}> should be <${itemTag}>`);
      else validateElement(model, shape.member?.shape as string, child, `${path}[${i}]`, out, dialect);
    });
    return;
  }
  if (elements(el.children).length > 0) {
    fail(`scalar ${shapeName} has child elements`);
    return;
  }
  const value = text(el.children);
  switch (shape.type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(value)) fail(`"${value}" is not an integer`);
      break;
    case 'float':
    case 'double':
      if (value.trim() === '' || Number.isNaN(Number(value))) fail(`"${value}" is not a number`);
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') fail(`"${value}" is not true/false`);
      break;
    case 'timestamp':
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) fail(`"${value}" is not an ISO 8601 timestamp`);
      break;
    case 'string':
      if (shape.enum && !shape.enum.includes(value) && !(ENUM_EXCEPTIONS[shapeName] ?? []).includes(value)) fail(`"${value}" not in enum ${shapeName}`);
      break;
  }
}

/** Problems with a successful EC2 response of `operation`. */
export function validateEc2Xml(model: ServiceModel, operation: string, xml: string): string[] {
  const doc = parser.parse(xml) as XNode[];
  const roots = elements(doc);
  const out: string[] = [];
  if (roots.length !== 1 || roots[0].tag !== `${operation}Response`) return [`root element should be <${operation}Response>, got ${roots.map((r) => r.tag).join(', ')}`];
  const root = roots[0];
  const rootNode = doc.find((n) => `${operation}Response` in n) as XNode;
  const ns = (rootNode[':@'] as Record<string, string> | undefined)?.['@_xmlns'];
  if (ns !== `${model.metadata.xmlNamespace}/`) out.push(`xmlns should be ${model.metadata.xmlNamespace}/, got ${ns}`);
  const children = elements(root.children);
  if (children[0]?.tag !== 'requestId') out.push('first element should be <requestId>');
  const outputShape = model.operations[operation]?.output?.shape as string;
  validateElement(model, outputShape, { tag: root.tag, children: root.children.filter((n) => !('requestId' in n)) }, operation, out);
  return out;
}

export const EC2_ERRORS = [
  'AuthFailure', 'UnauthorizedOperation', 'RequestLimitExceeded', 'Unavailable', 'InvalidAction', 'InvalidParameterValue',
  'InvalidParameterCombination', 'InvalidInstanceID.NotFound', 'InvalidInstanceID.Malformed', 'InvalidPaginationToken',
  'DryRunOperation', 'InternalError', 'InvalidAMIID.NotFound', 'InvalidAMIID.Malformed', 'MissingParameter',
  'InvalidVpcID.NotFound', 'InvalidVpcID.Malformed', 'InvalidSubnetID.NotFound', 'InvalidSubnetID.Malformed', 'InvalidRouteTableID.NotFound',
  'InvalidRouteTableId.Malformed', 'InvalidVpcEndpointId.NotFound', 'InvalidVpcEndpointId.Malformed', 'InvalidGroup.NotFound', 'InvalidGroupId.Malformed',
  'InvalidNetworkAclID.NotFound', 'InvalidNetworkAclId.Malformed', 'InvalidAssociationID.NotFound', 'RequestExpired',
];

/** Problems with an EC2 error document; returns the code too. */
export function validateEc2ErrorXml(xml: string): { code?: string; problems: string[] } {
  const roots = elements(parser.parse(xml) as XNode[]);
  if (roots.length !== 1 || roots[0].tag !== 'Response') return { problems: ['root element should be <Response>'] };
  const top = elements(roots[0].children);
  const errors = top.find((e) => e.tag === 'Errors');
  const requestId = top.find((e) => e.tag === 'RequestID');
  const error = errors && elements(errors.children).find((e) => e.tag === 'Error');
  const fields = error ? elements(error.children) : [];
  const code = text(fields.find((f) => f.tag === 'Code')?.children ?? []);
  const message = text(fields.find((f) => f.tag === 'Message')?.children ?? []);
  const problems: string[] = [];
  if (!error) problems.push('no <Errors><Error>');
  if (!requestId || !text(requestId.children)) problems.push('no <RequestID>');
  if (!EC2_ERRORS.includes(code)) problems.push(`unexpected error code ${code}`);
  if (!message) problems.push('no <Message>');
  return { code, problems };
}

/** Problems with a successful query-protocol (IAM) response of `operation`. */
export function validateQueryXml(model: ServiceModel, operation: string, xml: string): string[] {
  const doc = parser.parse(xml) as XNode[];
  const roots = elements(doc);
  if (roots.length !== 1 || roots[0].tag !== `${operation}Response`) return [`root element should be <${operation}Response>, got ${roots.map((r) => r.tag).join(', ')}`];
  const out: string[] = [];
  const rootNode = doc.find((n) => `${operation}Response` in n) as XNode;
  const ns = (rootNode[':@'] as Record<string, string> | undefined)?.['@_xmlns'];
  if (ns !== model.metadata.xmlNamespace) out.push(`xmlns should be ${model.metadata.xmlNamespace}, got ${ns}`);
  const op = model.operations[operation];
  const wrapper = op?.output?.resultWrapper ?? `${operation}Result`;
  const children = elements(roots[0].children);
  const tags = children.map((c) => c.tag);
  const expected = op?.output ? [wrapper, 'ResponseMetadata'] : ['ResponseMetadata'];
  if (tags.join(',') !== expected.join(',')) out.push(`children should be ${expected.join(', ')}, got ${tags.join(', ')}`);
  const result = children.find((c) => c.tag === wrapper);
  if (result && op?.output) validateElement(model, op.output.shape, result, operation, out, QUERY_DIALECT);
  const meta = children.find((c) => c.tag === 'ResponseMetadata');
  const requestId = meta && elements(meta.children).find((e) => e.tag === 'RequestId');
  if (!requestId || !text(requestId.children)) out.push('no <ResponseMetadata><RequestId>');
  return out;
}

export const IAM_ERRORS = [
  'NoSuchEntity', 'ServiceFailure', 'InvalidInput', 'ValidationError', 'AccessDenied', 'Throttling', 'ServiceUnavailable', 'InvalidAction',
  'MissingAuthenticationToken', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidClientTokenId',
];

/** STS: the errors its API reference lists for AssumeRole, plus the query protocol's common ones. */
export const STS_ERRORS = [
  'AccessDenied', 'ValidationError', 'ExpiredToken', 'InvalidClientTokenId', 'MissingAuthenticationToken', 'InvalidAction',
  'Throttling', 'ServiceUnavailable', 'ServiceFailure', 'SignatureDoesNotMatch', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'RegionDisabledException',
];

/** Problems with a query-protocol (IAM, STS) error document: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`. */
export function validateQueryErrorXml(model: ServiceModel, xml: string, status: number, codes: readonly string[] = IAM_ERRORS): { code?: string; problems: string[] } {
  const doc = parser.parse(xml) as XNode[];
  const roots = elements(doc);
  if (roots.length !== 1 || roots[0].tag !== 'ErrorResponse') return { problems: ['root element should be <ErrorResponse>'] };
  const problems: string[] = [];
  const rootNode = doc.find((n) => 'ErrorResponse' in n) as XNode;
  const ns = (rootNode[':@'] as Record<string, string> | undefined)?.['@_xmlns'];
  if (ns !== model.metadata.xmlNamespace) problems.push(`xmlns should be ${model.metadata.xmlNamespace}, got ${ns}`);
  const top = elements(roots[0].children);
  const error = top.find((e) => e.tag === 'Error');
  const fields = error ? elements(error.children) : [];
  const field = (tag: string) => text(fields.find((f) => f.tag === tag)?.children ?? []);
  const code = field('Code');
  if (!error) problems.push('no <Error>');
  if (field('Type') !== (status >= 500 ? 'Receiver' : 'Sender')) problems.push(`<Type> should be ${status >= 500 ? 'Receiver' : 'Sender'}, got ${field('Type')}`);
  if (!codes.includes(code)) problems.push(`unexpected error code ${code}`);
  if (!field('Message')) problems.push('no <Message>');
  const requestId = top.find((e) => e.tag === 'RequestId');
  if (!requestId || !text(requestId.children)) problems.push('no <RequestId>');
  if (code === 'NoSuchEntity' && status !== 404) problems.push(`NoSuchEntity should be HTTP 404, got ${status}`);
  return { code, problems };
}
