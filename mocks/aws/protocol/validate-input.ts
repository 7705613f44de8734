/**
 * Validates a JSON-protocol (SSM) request body against the model the way AWS's
 * front end does: required members, enums, lengths, ranges and patterns, reported as
 *   "1 validation error detected: Value '2' at 'maxResults' failed to satisfy
 *    constraint: Member must have value greater than or equal to 5"
 * A value of the wrong JSON type is a SerializationException instead.
 */
import { compilePattern, getShape, type ServiceModel, type Shape } from './model';

export type InputCheck =
  | { ok: true }
  | { ok: false; code: 'ValidationException' | 'SerializationException'; message: string };

interface Context {
  model: ServiceModel;
  violations: string[];
  typeError?: string;
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function render(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `'[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]'`;
  if (typeof value === 'object') return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}

function violate(ctx: Context, value: unknown, path: string, constraint: string): void {
  ctx.violations.push(`Value ${render(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
}

function typeMatches(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'list':
      return Array.isArray(value);
    case 'string':
    case 'blob':
      return typeof value === 'string';
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
    case 'double':
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

function checkBounds(ctx: Context, shape: Shape, value: unknown, path: string): void {
  const isNumber = typeof value === 'number';
  const size = isNumber ? value : typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : undefined;
  if (size === undefined) return;
  const what = isNumber ? 'value' : 'length';
  if (shape.min !== undefined && size < shape.min) {
    violate(ctx, value, path, `Member must have ${what} greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && size > shape.max) {
    violate(ctx, value, path, `Member must have ${what} less than or equal to ${shape.max}`);
  }
}

function checkValue(ctx: Context, shapeName: string, value: unknown, path: string): void {
  const shape = getShape(ctx.model, shapeName);
  if (!typeMatches(shape, value)) {
    ctx.typeError ??= `Unexpected value type for '${path}': expected ${shape.type}`;
    return;
  }
  checkBounds(ctx, shape, value, path);
  if (shape.type === 'string' && typeof value === 'string') {
    if (shape.enum && !shape.enum.includes(value)) {
      violate(ctx, value, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
    }
    const re = shape.pattern ? compilePattern(shape.pattern) : null;
    if (re && shape.pattern && !re.test(value)) {
      violate(ctx, value, path, `Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
  } else if (shape.type === 'structure') {
    checkStructure(ctx, shape, value as Record<string, unknown>, path);
  } else if (shape.type === 'list' && shape.member) {
    const memberShape = shape.member.shape;
    (value as unknown[]).forEach((item, i) => {
      if (item !== null) checkValue(ctx, memberShape, item, `${path}.${i + 1}.member`);
    });
  } else if (shape.type === 'map' && shape.key && shape.value) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      checkValue(ctx, shape.key.shape, key, `${path}.key`);
      if (item !== null) checkValue(ctx, shape.value.shape, item, `${path}.${key}`);
    }
  }
}

function checkStructure(ctx: Context, shape: Shape, value: Record<string, unknown>, path: string): void {
  const prefix = path ? `${path}.` : '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const memberPath = prefix + lowerFirst(name);
    const memberValue = value[name];
    if (memberValue === undefined || memberValue === null) {
      if (shape.required?.includes(name)) violate(ctx, null, memberPath, 'Member must not be null');
      continue;
    }
    checkValue(ctx, ref.shape, memberValue, memberPath);
  }
}

/** Checks `input` against the input shape of `operation`. */
export function validateInput(model: ServiceModel, operation: string, input: unknown): InputCheck {
  const inputShape = model.operations[operation]?.input?.shape;
  if (!inputShape) return { ok: true };
  const ctx: Context = { model, violations: [] };
  const shape = getShape(model, inputShape);
  if (!typeMatches(shape, input)) {
    return { ok: false, code: 'SerializationException', message: 'Start of structure or map found where not expected.' };
  }
  checkStructure(ctx, shape, input as Record<string, unknown>, '');
  if (ctx.typeError) return { ok: false, code: 'SerializationException', message: ctx.typeError };
  const n = ctx.violations.length;
  if (n === 0) return { ok: true };
  const head = n === 1 ? '1 validation error detected: ' : `${n} validation errors detected: `;
  return { ok: false, code: 'ValidationException', message: head + ctx.violations.join('; ') };
}
