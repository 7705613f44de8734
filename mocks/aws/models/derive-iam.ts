/**
 * Derives mocks/aws/models/iam.json from the AWS SDK for JavaScript v2's IAM model (Apache License 2.0):
 *
 *   (cd /tmp && npm pack aws-sdk && tar xzf aws-sdk-*.tgz)     # not a dependency of the project
 *   npx tsx mocks/aws/models/derive-iam.ts /tmp/package
 *
 * Keeps the file's own format (the SDK's "min" format: inline member shapes, `S..` shared shapes) and only the listed
 * operations and the shared shapes they reach. Nothing else is changed. Also copies the SDK's LICENSE and NOTICE.
 * mocks/aws/protocol/model.ts turns the format into the botocore-like model the rest of the simulated AWS reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const IAM_OPERATIONS = ['GetInstanceProfile', 'GetRole', 'ListAttachedRolePolicies', 'ListRolePolicies', 'GetRolePolicy'] as const;

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `shape` reference inside an (inline) shape. */
function refsOf(value: Json | undefined, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (isObject(value)) {
    if (typeof value.shape === 'string') out.push(value.shape);
    for (const [k, v] of Object.entries(value)) if (k !== 'shape') refsOf(v, out);
  }
}

/** The model with only `operationNames` and the shared shapes they reach, in the same format. */
export function trimMinModel(model: JsonObject, operationNames: readonly string[]): { derived: JsonObject; sharedShapes: number } {
  const operations = model.operations as Record<string, JsonObject>;
  const shapes = model.shapes as Record<string, JsonObject>;
  const outOps: JsonObject = {};
  const pending: string[] = [];
  for (const name of operationNames) {
    const op = operations[name];
    if (!op) throw new Error(`Operation ${name} not found`);
    outOps[name] = op;
    refsOf(op, pending);
  }
  const reachable = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (reachable.has(name)) continue;
    if (!shapes[name]) throw new Error(`Shape ${name} not found`);
    reachable.add(name);
    refsOf(shapes[name], pending);
  }
  const outShapes: JsonObject = {};
  for (const name of [...reachable].sort()) outShapes[name] = shapes[name];
  return { derived: { version: model.version, metadata: model.metadata, operations: outOps, shapes: outShapes }, sharedShapes: reachable.size };
}

/** Trims `apis/<file>` of the SDK package in `sdkDir` to `operationNames` and writes it as mocks/aws/models/<out>. */
export function deriveModel(sdkDir: string, file: string, operationNames: readonly string[], out: string): void {
  const outDir = path.dirname(new URL(import.meta.url).pathname);
  const model = JSON.parse(readFileSync(path.join(sdkDir, 'apis', file), 'utf8')) as JsonObject;
  const { derived, sharedShapes } = trimMinModel(model, operationNames);
  writeFileSync(path.join(outDir, out), JSON.stringify(derived, null, 1) + '\n');
  writeFileSync(path.join(outDir, 'LICENSE-aws-sdk-js.txt'), readFileSync(path.join(sdkDir, 'LICENSE.txt')));
  writeFileSync(path.join(outDir, 'NOTICE-aws-sdk-js.txt'), readFileSync(path.join(sdkDir, 'NOTICE.txt')));
  console.log(`${out}: ${operationNames.length} operations, ${sharedShapes} shared shapes`);
}

function main(): void {
  deriveModel(path.resolve(process.argv[2] ?? '/tmp/package'), 'iam-2010-05-08.min.json', IAM_OPERATIONS, 'iam.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) main();
