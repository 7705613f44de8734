/**
 * Generic checks of a raw SSM (JSON 1.1) response body against the derived model:
 * every key is a model member, required members are present, enums are legal, types
 * are right (timestamps are numbers), lengths and ranges hold.
 */
import { compilePattern, getShape, type ServiceModel } from '../protocol/model';

/** Values AWS is known to send although the model's constraints say otherwise. */
export type Exception = (path: string, shapeName: string, value: unknown) => boolean;

/** InstancePatchState.PatchGroup is "" for nodes without a patch group (model: min length 1). */
export const emptyPatchGroup: Exception = (path, _shape, value) => /\.PatchGroup$/.test(path) && value === '';

/** Run Command echoes DocumentVersion "" when no version was requested (model pattern: $LATEST, $DEFAULT or a number). */
export const emptyDocumentVersion: Exception = (path, shape, value) => shape === 'DocumentVersion' && value === '';

/** DescribeInstancePatches sends States in PascalCase ("Installed", "Missing"); the model's enum says INSTALLED, MISSING. */
const PASCAL_STATES = ['Installed', 'InstalledOther', 'InstalledPendingReboot', 'InstalledRejected', 'Missing', 'NotApplicable', 'Failed'];
export const pascalPatchState: Exception = (_path, shape, value) => shape === 'PatchComplianceDataState' && PASCAL_STATES.includes(value as string);

/** Commands echo CloudWatchLogGroupName "" when none was given (AWS CLI's get-command-invocation example; model: min length 1). */
export const emptyLogGroupName: Exception = (_path, shape, value) => shape === 'CloudWatchLogGroupName' && value === '';

/**
 * DescribeDocument reports a parameter's type as the document declares it; the model's
 * enum (String, StringList) predates the Boolean, Integer, StringMap and MapList types.
 */
const DOCUMENT_PARAMETER_TYPES = ['Boolean', 'Integer', 'StringMap', 'MapList'];
export const documentParameterType: Exception = (_path, shape, value) => shape === 'DocumentParameterType' && DOCUMENT_PARAMETER_TYPES.includes(value as string);

/** Every value AWS is known to send against its own model. */
export const awsDeviations: Exception = (path, shape, value) =>
  emptyPatchGroup(path, shape, value) || emptyDocumentVersion(path, shape, value) || pascalPatchState(path, shape, value) || documentParameterType(path, shape, value) || emptyLogGroupName(path, shape, value);

export function validateJsonValue(model: ServiceModel, shapeName: string, value: unknown, path: string, allow: Exception = () => false): string[] {
  const shape = getShape(model, shapeName);
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(`${path || '(root)'}: ${msg}`);
  const bounds = (size: number, what: string) => {
    if (allow(path, shapeName, value)) return;
    if (shape.min !== undefined && size < shape.min) fail(`${what} ${size} < min ${shape.min}`);
    if (shape.max !== undefined && size > shape.max) fail(`${what} ${size} > max ${shape.max}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object (${shapeName})`];
      const members = shape.members ?? {};
      for (const [key, child] of Object.entries(value)) {
        const ref = members[key];
        if (!ref) fail(`unknown member ${key} (not in ${shapeName})`);
        else if (child === null) fail(`${key} is null`);
        else problems.push(...validateJsonValue(model, ref.shape, child, `${path}.${key}`, allow));
      }
      for (const req of shape.required ?? []) if (!(req in value)) fail(`required member ${req} missing (${shapeName})`);
      break;
    }
    case 'list':
      if (!Array.isArray(value)) return [`${path}: expected a list (${shapeName})`];
      bounds(value.length, 'list length');
      value.forEach((item, i) => problems.push(...validateJsonValue(model, shape.member?.shape as string, item, `${path}[${i}]`, allow)));
      break;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map (${shapeName})`];
      for (const [key, item] of Object.entries(value)) {
        problems.push(...validateJsonValue(model, shape.key?.shape as string, key, `${path}{key}`, allow));
        problems.push(...validateJsonValue(model, shape.value?.shape as string, item, `${path}["${key}"]`, allow));
      }
      break;
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string (${shapeName}), got ${JSON.stringify(value)}`];
      if (shape.enum && !shape.enum.includes(value) && !allow(path, shapeName, value)) fail(`"${value}" not in enum ${shapeName}`);
      bounds([...value].length, 'string length');
      if (shape.pattern && !allow(path, shapeName, value)) {
        const re = compilePattern(shape.pattern);
        if (re && !re.test(value)) fail(`"${value}" does not match ${shape.pattern}`);
      }
      break;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${path}: expected an integer (${shapeName}), got ${JSON.stringify(value)}`];
      bounds(value, 'value');
      break;
    case 'float':
    case 'double':
      if (typeof value !== 'number') fail(`expected a number (${shapeName})`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected a boolean (${shapeName}), got ${JSON.stringify(value)}`);
      break;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(`expected epoch seconds as a number (${shapeName}), got ${JSON.stringify(value)}`);
      break;
    case 'blob':
      if (typeof value !== 'string') fail(`expected base64 text (${shapeName})`);
      break;
  }
  return problems;
}

/** Problems with a successful response body of `operation`. */
export function validateJsonOutput(model: ServiceModel, operation: string, body: unknown, allow?: Exception): string[] {
  const outputShape = model.operations[operation]?.output?.shape;
  if (!outputShape) return [`${operation} is not in the model`];
  return validateJsonValue(model, outputShape, body, operation, allow);
}

/** Error codes any SSM operation can return besides the ones its model lists. */
export const SSM_COMMON_ERRORS = [
  'ValidationException', 'ThrottlingException', 'AccessDeniedException', 'MissingAuthenticationTokenException',
  'UnknownOperationException', 'ServiceUnavailable', 'SerializationException', 'InternalServerError',
  'ExpiredTokenException', 'UnrecognizedClientException',
];

/** Error codes any Organizations operation can return besides the ones its model lists (the JSON front end's). */
export const ORGANIZATIONS_COMMON_ERRORS = [
  'MissingAuthenticationTokenException', 'UnknownOperationException', 'SerializationException', 'ValidationException',
  'ExpiredTokenException', 'UnrecognizedClientException',
];

/** Problems with an error body: `__type` must be a code the operation can return; only message keys besides it. */
export function validateJsonError(model: ServiceModel, operation: string, body: unknown, common: readonly string[] = SSM_COMMON_ERRORS): string[] {
  if (typeof body !== 'object' || body === null) return ['error body is not a JSON object'];
  const { __type: type, ...rest } = body as Record<string, unknown>;
  if (typeof type !== 'string') return ['error body has no __type'];
  const code = type.includes('#') ? type.slice(type.indexOf('#') + 1) : type;
  const problems: string[] = [];
  const listed = (model.operations[operation]?.errors ?? []).map((e) => e.shape);
  if (!listed.includes(code) && !common.includes(code)) problems.push(`${code} is neither an error of ${operation} nor a common error`);
  const members = model.shapes[code]?.members ?? {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'message' || key === 'Message') {
      if (typeof value !== 'string') problems.push(`error member ${key} is not a string`);
    } else if (!(key in members)) problems.push(`error member ${key} is not in ${code}`);
    else problems.push(...validateJsonValue(model, members[key].shape, value, `${code}.${key}`));
  }
  if (Object.keys(rest).length === 0) problems.push('error has no message');
  return problems;
}
