/**
 * The derived AWS service models (mocks/aws/models/*.json, made by scripts/derive-aws-models.ts from botocore's
 * models, and iam.json by mocks/aws/models/derive-iam.ts from the AWS SDK for JavaScript v2's) and typed access
 * to them.
 */
import ec2Json from '../models/ec2.json';
import iamJson from '../models/iam.json';
import ssmJson from '../models/ssm.json';

export type ShapeType =
  | 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double'
  | 'boolean' | 'timestamp' | 'blob';

export interface ShapeRef {
  shape: string;
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  box?: boolean;
  idempotencyToken?: boolean;
}

export interface Shape {
  type: ShapeType;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  union?: boolean;
  sensitive?: boolean;
  /** Query protocol lists without a `member` wrapper. */
  flattened?: boolean;
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string };
  input?: { shape: string };
  /** Query protocol (IAM): the output's members sit in a `<resultWrapper>` element. */
  output?: { shape: string; resultWrapper?: string };
  errors?: Array<{ shape: string }>;
}

export interface ServiceModel {
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: string;
    targetPrefix?: string;
    xmlNamespace?: string;
    jsonVersion?: string;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export const ssmModel = ssmJson as unknown as ServiceModel;
export const ec2Model = ec2Json as unknown as ServiceModel;

type MinShape = { [key: string]: unknown; shape?: string; type?: ShapeType; members?: Record<string, MinShape>; member?: MinShape; key?: MinShape; value?: MinShape };
interface MinModel {
  metadata: ServiceModel['metadata'];
  operations: Record<string, { input?: MinShape; output?: MinShape & { resultWrapper?: string } }>;
  shapes: Record<string, MinShape>;
}

const SHAPE_KEYS = ['required', 'enum', 'min', 'max', 'pattern', 'sensitive', 'flattened'] as const;

/**
 * The AWS SDK for JavaScript v2's "min" model format -> the botocore-like model above. Inline shapes get names:
 * `<Operation>Request` / `<Operation>Response` for inputs and outputs, `<Parent>$<member>` inside them; a
 * member written `{}` is a string. Member locationNames, queryNames and flattened lists are kept on the refs.
 */
export function normalizeMinModel(min: MinModel): ServiceModel {
  const shapes: Record<string, Shape> = {};
  const toRef = (raw: MinShape, name: string): ShapeRef => {
    const ref: ShapeRef = { shape: typeof raw.shape === 'string' ? raw.shape : name };
    if (typeof raw.locationName === 'string') ref.locationName = raw.locationName;
    if (typeof raw.queryName === 'string') ref.queryName = raw.queryName;
    if (raw.flattened === true) ref.flattened = true;
    if (typeof raw.shape !== 'string') shapes[name] = toShape(raw, name);
    return ref;
  };
  const toShape = (raw: MinShape, name: string): Shape => {
    const shape: Shape = { type: raw.type ?? 'string' };
    for (const k of SHAPE_KEYS) if (raw[k] !== undefined) (shape as unknown as Record<string, unknown>)[k] = raw[k];
    if (shape.type === 'structure') shape.members = Object.fromEntries(Object.entries(raw.members ?? {}).map(([k, v]) => [k, toRef(v, `${name}$${k}`)]));
    if (shape.type === 'list') shape.member = toRef(raw.member ?? {}, `${name}$member`);
    if (shape.type === 'map') {
      shape.key = toRef(raw.key ?? {}, `${name}$key`);
      shape.value = toRef(raw.value ?? {}, `${name}$value`);
    }
    return shape;
  };
  for (const [name, raw] of Object.entries(min.shapes)) shapes[name] = toShape(raw, name);
  const operations: Record<string, OperationModel> = {};
  for (const [name, op] of Object.entries(min.operations)) {
    operations[name] = {
      name,
      http: { method: 'POST', requestUri: '/' },
      input: op.input ? { shape: toRef(op.input, `${name}Request`).shape } : undefined,
      output: op.output ? { shape: toRef(op.output, `${name}Response`).shape, resultWrapper: op.output.resultWrapper } : undefined,
    };
  }
  return { metadata: min.metadata, operations, shapes };
}

export const iamModel = normalizeMinModel(iamJson as unknown as MinModel);

export function getShape(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`Shape ${name} is not in the derived model`);
  return shape;
}

export function getOperation(model: ServiceModel, name: string): OperationModel | undefined {
  return Object.prototype.hasOwnProperty.call(model.operations, name) ? model.operations[name] : undefined;
}

/** The error codes an operation's model lists. */
export function operationErrorCodes(model: ServiceModel, operation: string): string[] {
  return (getOperation(model, operation)?.errors ?? []).map((e) => e.shape);
}

const patternCache = new Map<string, RegExp | null>();

/**
 * The model's pattern as a JS RegExp matching the whole value (AWS applies them as
 * full matches), or null if it cannot be compiled in JS.
 */
export function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re;
}

/**
 * The SDK v2 model leaves out IAM's input constraints; these are IAM's own (API reference: instanceProfileNameType,
 * roleNameType, policyNameType, policyPathType, markerType, maxItemsType), so requests are validated as AWS does.
 */
const IAM_CONSTRAINTS: Record<string, Partial<Shape>> = {
  'GetInstanceProfileRequest$InstanceProfileName': { min: 1, max: 128, pattern: '[\\w+=,.@-]+' },
  'GetRoleRequest$RoleName': { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  'ListAttachedRolePoliciesRequest$RoleName': { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  'ListAttachedRolePoliciesRequest$PathPrefix': { min: 1, max: 512, pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/' },
  'ListAttachedRolePoliciesRequest$Marker': { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' },
  'ListAttachedRolePoliciesRequest$MaxItems': { min: 1, max: 1000 },
  'ListRolePoliciesRequest$RoleName': { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  'ListRolePoliciesRequest$Marker': { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' },
  'ListRolePoliciesRequest$MaxItems': { min: 1, max: 1000 },
  'GetRolePolicyRequest$RoleName': { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  'GetRolePolicyRequest$PolicyName': { min: 1, max: 128, pattern: '[\\w+=,.@-]+' },
};
for (const [name, c] of Object.entries(IAM_CONSTRAINTS)) Object.assign(getShape(iamModel, name), c);
