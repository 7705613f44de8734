/**
 * Derives the trimmed AWS service models that the simulated AWS (mocks/) and its
 * contract tests read at run time.
 *
 *   npx tsx scripts/derive-aws-models.ts [sourceDir]
 *
 * Reads the botocore models from ../shared/aws-models/ (or sourceDir) and writes
 * mocks/aws/models/{ssm,ec2}.json: the metadata, the listed operations and only the
 * shapes reachable from them (inputs, outputs, errors), documentation stripped.
 * Also copies the botocore LICENSE and NOTICE next to them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SERVICES = {
  ssm: {
    file: 'ssm-2014-11-06.service-2.json',
    operations: [
      'DescribeInstanceInformation', 'DescribeInstancePatchStates', 'DescribeInstancePatches',
      'DescribeOpsItems', 'GetOpsItem', 'CreateOpsItem', 'UpdateOpsItem', 'ListOpsItemRelatedItems',
      'AssociateOpsItemRelatedItem', 'DisassociateOpsItemRelatedItem', 'ListTagsForResource',
      'DescribePatchBaselines', 'GetPatchBaseline', 'DescribePatchGroups', 'DescribeMaintenanceWindows',
      'SendCommand', 'ListCommands', 'ListCommandInvocations', 'GetCommandInvocation', 'CancelCommand',
      'GetInventory', 'ListInventoryEntries', 'GetInventorySchema', 'DescribeInstanceAssociationsStatus', 'GetOpsSummary', 'DescribeSessions',
      'ListDocuments', 'DescribeDocument', 'GetDocument', 'ListDocumentVersions', 'GetServiceSetting', 'DescribeActivations',
    ],
  },
  ec2: {
    file: 'ec2-2016-11-15.service-2.json',
    operations: [
      'DescribeInstances', 'DescribeInstanceStatus', 'DescribeImages', 'DescribeVpcs', 'DescribeVpcAttribute', 'DescribeSubnets',
      'DescribeRouteTables', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls', 'DescribeIamInstanceProfileAssociations',
    ],
  },
} as const;

const STRIPPED_KEYS = new Set(['documentation', 'documentationUrl']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy without documentation strings. */
function stripDocs(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDocs);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!STRIPPED_KEYS.has(key)) out[key] = stripDocs(child);
  }
  return out;
}

/** Names of the shapes a shape refers to directly. */
function referencedShapes(shape: JsonObject): string[] {
  const refs: string[] = [];
  const add = (ref: Json | undefined) => {
    if (isObject(ref) && typeof ref.shape === 'string') refs.push(ref.shape);
  };
  if (isObject(shape.members)) Object.values(shape.members).forEach(add);
  add(shape.member);
  add(shape.key);
  add(shape.value);
  return refs;
}

function deriveModel(model: JsonObject, operationNames: readonly string[]): JsonObject {
  const operations = model.operations as Record<string, JsonObject>;
  const shapes = model.shapes as Record<string, JsonObject>;
  const pending: string[] = [];
  const outOps: JsonObject = {};
  for (const name of operationNames) {
    const op = operations[name];
    if (!op) throw new Error(`Operation ${name} not found in the model`);
    outOps[name] = stripDocs(op);
    for (const key of ['input', 'output'] as const) {
      const ref = op[key];
      if (isObject(ref) && typeof ref.shape === 'string') pending.push(ref.shape);
    }
    for (const err of (op.errors as JsonObject[] | undefined) ?? []) pending.push(err.shape as string);
  }
  const reachable = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reachable.has(name)) continue;
    const shape = shapes[name];
    if (!shape) throw new Error(`Shape ${name} not found in the model`);
    reachable.add(name);
    pending.push(...referencedShapes(shape));
  }
  const outShapes: JsonObject = {};
  for (const name of [...reachable].sort()) outShapes[name] = stripDocs(shapes[name]);
  return { metadata: stripDocs(model.metadata), operations: outOps, shapes: outShapes };
}

function main(): void {
  const root = process.cwd();
  const sourceDir = path.resolve(root, process.argv[2] ?? '../shared/aws-models');
  const outDir = path.resolve(root, 'mocks/aws/models');
  mkdirSync(outDir, { recursive: true });
  for (const [service, spec] of Object.entries(SERVICES)) {
    const model = JSON.parse(readFileSync(path.join(sourceDir, spec.file), 'utf8')) as JsonObject;
    const derived = deriveModel(model, spec.operations);
    const target = path.join(outDir, `${service}.json`);
    writeFileSync(target, JSON.stringify(derived, null, 1) + '\n');
    const shapeCount = Object.keys(derived.shapes as JsonObject).length;
    console.log(`${path.relative(root, target)}: ${spec.operations.length} operations, ${shapeCount} shapes`);
  }
  for (const file of ['LICENSE-botocore.txt', 'NOTICE-botocore.txt']) {
    // Read and write (not copy) so the copies are writable even if the sources are read-only.
    writeFileSync(path.join(outDir, file), readFileSync(path.join(sourceDir, file)));
  }
}

main();
