/**
 * The derived AWS service models (mocks/aws/models/*.json, made by
 * scripts/derive-aws-models.ts) and typed access to them.
 */
import ec2Json from '../models/ec2.json';
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
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string };
  input?: { shape: string };
  output?: { shape: string };
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
