/**
 * The Command documents the simulated account can run, with their parameters (as the AWS
 * documents declare them) and their steps. AWS-RunPatchBaseline is a schema 2.2 document
 * whose steps PatchWindows / PatchLinux / PatchMacOS run by platform precondition (the
 * others are reported as skipped); the script documents are schema 1.2 with one plugin.
 */
import { SimError } from '../errors';

export type PlatformType = 'Linux' | 'Windows' | 'MacOS';

export interface StepSpec {
  /** The plugin's Name in CommandPlugins (step name for 2.2 documents). */
  name: string;
  /** Runs only on this platform (precondition platformType). */
  platform?: PlatformType;
}

interface ParamSpec {
  required?: boolean;
  list?: boolean;
  allowed?: readonly string[];
  pattern?: RegExp;
  default?: string;
}

export interface DocumentSpec {
  name: string;
  platformTypes: readonly PlatformType[];
  latestVersion: number;
  steps: readonly StepSpec[];
  params: Readonly<Record<string, ParamSpec>>;
  /** Execution timeout in seconds for these (already validated) parameters. */
  executionTimeout(params: Record<string, string[]>): number;
}

const EXECUTION_TIMEOUT = /^([1-9][0-9]{0,4})$|^(1[0-6][0-9]{4})$|^(17[0-1][0-9]{3})$|^(172[0-7][0-9]{2})$|^(172800)$/;
const scriptParams: Record<string, ParamSpec> = {
  commands: { required: true, list: true },
  workingDirectory: { default: '' },
  executionTimeout: { default: '3600', pattern: EXECUTION_TIMEOUT },
};
const scriptTimeout = (params: Record<string, string[]>) => Number(params.executionTimeout?.[0] ?? '3600');

export const DOCUMENTS: ReadonlyMap<string, DocumentSpec> = new Map<string, DocumentSpec>([
  ['AWS-RunPatchBaseline', {
    name: 'AWS-RunPatchBaseline',
    platformTypes: ['Windows', 'Linux', 'MacOS'],
    latestVersion: 1,
    steps: [{ name: 'PatchWindows', platform: 'Windows' }, { name: 'PatchLinux', platform: 'Linux' }, { name: 'PatchMacOS', platform: 'MacOS' }],
    params: {
      Operation: { required: true, allowed: ['Scan', 'Install'] },
      SnapshotId: { default: '', pattern: /^$|^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/ },
      InstallOverrideList: { default: '', pattern: /^$|^https:\/\/.+$|^s3:\/\/[^/]+\/.+$/ },
      AssociationId: { default: '' },
      BaselineOverride: { default: '', pattern: /^$|^https:\/\/.+$|^s3:\/\/[^/]+\/.+$/ },
      RebootOption: { default: 'RebootIfNeeded', allowed: ['RebootIfNeeded', 'NoReboot'] },
    },
    executionTimeout: () => 7200,
  }],
  ['AWS-RunShellScript', {
    name: 'AWS-RunShellScript',
    platformTypes: ['Linux', 'MacOS'],
    latestVersion: 1,
    steps: [{ name: 'aws:runShellScript' }],
    params: scriptParams,
    executionTimeout: scriptTimeout,
  }],
  ['AWS-RunPowerShellScript', {
    name: 'AWS-RunPowerShellScript',
    platformTypes: ['Windows', 'Linux', 'MacOS'],
    latestVersion: 1,
    steps: [{ name: 'aws:runPowerShellScript' }],
    params: scriptParams,
    executionTimeout: scriptTimeout,
  }],
]);

/** The document by name or by an AWS-owned document ARN. */
export function documentSpec(name: string): DocumentSpec | undefined {
  return DOCUMENTS.get(name.replace(/^arn:aws:ssm:[a-z0-9-]*:\d*:document\//, ''));
}

/** The document, or InvalidDocument. */
export function findDocument(name: string): DocumentSpec {
  const doc = documentSpec(name);
  if (!doc) throw new SimError('InvalidDocument', `Document with name ${name} does not exist.`);
  return doc;
}

export function checkDocumentVersion(doc: DocumentSpec, version: string | undefined): void {
  if (version === undefined || version === '$LATEST' || version === '$DEFAULT') return;
  if (Number(version) > doc.latestVersion) {
    throw new SimError('InvalidDocumentVersion', `Document ${doc.name} does not have version ${version}. Latest version is ${doc.latestVersion}.`);
  }
}

/** The parameters with the document's defaults filled in, or InvalidParameters naming the problem. */
export function checkParameters(doc: DocumentSpec, given: Record<string, string[]> | undefined): Record<string, string[]> {
  const bad = (message: string): never => {
    throw new SimError('InvalidParameters', message);
  };
  const params = given ?? {};
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(doc.params, name)) bad(`Parameter "${name}" is not defined in document ${doc.name}. Valid parameters: ${Object.keys(doc.params).join(', ')}.`);
  }
  const out: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(doc.params)) {
    const values = params[name];
    if (values === undefined || values.length === 0) {
      if (spec.required) bad(`Parameter "${name}" is required by document ${doc.name}.`);
      if (spec.default !== undefined) out[name] = [spec.default];
      continue;
    }
    if (!spec.list && values.length > 1) bad(`Parameter "${name}" takes a single value (got ${values.length}).`);
    for (const value of values) {
      if (spec.allowed && !spec.allowed.includes(value)) bad(`Parameter "${name}" value "${value}" is not one of the allowed values: ${spec.allowed.join(', ')}.`);
      if (spec.pattern && !spec.pattern.test(value)) bad(`Parameter "${name}" value "${value}" does not match the pattern ${spec.pattern.source}.`);
    }
    out[name] = [...values];
  }
  return out;
}

/** Steps that run on a platform (the others are skipped by precondition). */
export function runsOn(step: StepSpec, platform: PlatformType): boolean {
  return step.platform === undefined || step.platform === platform;
}

export function skipMessage(step: StepSpec): string {
  return `Step execution skipped due to unsatisfied preconditions: '"StringEquals": [platformType, ${step.platform}]'. Step name: ${step.name}`;
}
