/**
 * What Run Command needs from a document: the version a command uses (by name or ARN,
 * DocumentVersion $DEFAULT/$LATEST/N), only Command documents, its steps and platforms.
 * 2.x documents run the steps whose precondition matches the node's platform and report
 * the others as skipped; 1.2 documents have one plugin.
 */
import { SimError } from '../errors';
import { findDocument, selectVersion } from '../documents/catalog';
import type { PlatformType, ResolvedVersion, StepDef } from '../documents/types';
import type { FleetStore } from '../store';

export type { PlatformType, StepDef };

/** The version SendCommand runs, or InvalidDocument / InvalidDocumentVersion. */
export function commandDocument(store: FleetStore, name: string, documentVersion?: string): ResolvedVersion {
  const doc = findDocument(store, name);
  if (doc.documentType !== 'Command') {
    throw new SimError('InvalidDocument', `Document type: '${doc.documentType}' is not supported. Only type: 'Command' is supported for Send Command.`);
  }
  return selectVersion(store, doc, documentVersion);
}

/** Steps that run on a platform (the others are skipped by precondition). */
export function runsOn(step: StepDef, platform: PlatformType): boolean {
  return step.platform === undefined || step.platform === platform;
}

export function skipMessage(step: StepDef): string {
  return `Step execution skipped due to unsatisfied preconditions: '"StringEquals": [platformType, ${step.platform}]'. Step name: ${step.name}`;
}

/** The plugin's output folder name (S3, the node's orchestration folder): `aws:runShellScript` -> `awsrunShellScript`. */
export const pluginDir = (step: StepDef) => step.action.replace(/:/g, '');

/** The step's own folder: 1.2 documents use the property id (`0.awsrunShellScript`), 2.x the step name. */
export const stepDir = (step: StepDef) => (step.id ?? step.name).replace(/:/g, '');

/** {{ name }} placeholders replaced by the parameter's values (lists joined by spaces). */
export function substitute(text: string, params: Record<string, string[]>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (all, name: string) => (params[name] ? params[name].join(' ') : all));
}
