/**
 * The document catalog of a simulated account: AWS-owned documents plus the account's
 * own, each version resolved once into what the API reports (content string, Sha256
 * hash, creation date). Account documents are dated relative to the fleet's creation.
 */
import { createHash } from 'node:crypto';
import { DAY } from '../clock';
import { SimError } from '../errors';
import type { FleetStore } from '../store';
import { OPS_COLLECT_LOGS, OPS_RESTART_SERVICE, OPS_RESTART_WINDOWS_SERVICE } from './account-documents';
import { CONFIGURE_AWS_PACKAGE, REFRESH_ASSOCIATION, UPDATE_SSM_AGENT } from './aws-agent-documents';
import { RESTART_EC2_INSTANCE, START_PORT_FORWARDING_SESSION, START_PORT_FORWARDING_TO_REMOTE_HOST, STOP_EC2_INSTANCE } from './aws-other-documents';
import { RUN_PATCH_BASELINE, RUN_POWERSHELL_SCRIPT, RUN_SHELL_SCRIPT } from './aws-run-documents';
import { INSTALL_WINDOWS_UPDATES, RUN_ANSIBLE_PLAYBOOK, RUN_REMOTE_SCRIPT } from './aws-script-documents';
import type { DocumentDef, ResolvedVersion, VersionDef } from './types';

/** Every document, sorted by name (the order ListDocuments pages in). */
export const DOCUMENTS: readonly DocumentDef[] = [
  RUN_SHELL_SCRIPT, RUN_POWERSHELL_SCRIPT, RUN_PATCH_BASELINE, UPDATE_SSM_AGENT, CONFIGURE_AWS_PACKAGE, REFRESH_ASSOCIATION,
  RUN_ANSIBLE_PLAYBOOK, RUN_REMOTE_SCRIPT, INSTALL_WINDOWS_UPDATES, RESTART_EC2_INSTANCE, STOP_EC2_INSTANCE,
  START_PORT_FORWARDING_SESSION, START_PORT_FORWARDING_TO_REMOTE_HOST, OPS_RESTART_SERVICE, OPS_COLLECT_LOGS, OPS_RESTART_WINDOWS_SERVICE,
].sort((a, b) => (a.name < b.name ? -1 : 1));

const BY_NAME = new Map(DOCUMENTS.map((d) => [d.name, d]));

/** The document's content as AWS stores it: schema 1.2 runtimeConfig, 2.x/0.3 mainSteps, 1.0 session properties. */
export function contentOf(doc: DocumentDef, def: VersionDef): Record<string, unknown> {
  const head: Record<string, unknown> = { schemaVersion: def.schemaVersion, description: def.description, ...def.extra, parameters: def.parameters };
  if (def.schemaVersion === '1.2') {
    const runtimeConfig: Record<string, unknown> = {};
    for (const step of def.steps) runtimeConfig[step.action] = { properties: [{ ...(step.id ? { id: step.id } : {}), ...step.inputs }] };
    return { ...head, runtimeConfig };
  }
  if (doc.documentType === 'Session') return head;
  const mainSteps = def.steps.map((s) => ({
    ...(s.platform ? { precondition: { StringEquals: ['platformType', s.platform] } } : {}),
    action: s.action, name: s.name, inputs: s.inputs,
  }));
  return { ...head, mainSteps };
}

/** JSON with 4-space indents and AWS's `"key":value` spacing. */
function render(content: unknown): string {
  return `${JSON.stringify(content, null, 4).replace(/^(\s*"(?:[^"\\]|\\.)*"): /gm, '$1:')}\n`;
}

const resolvedCache = new WeakMap<FleetStore, Map<string, ResolvedVersion>>();

/** A version (1-based) of a document, with its content, hash and creation date. */
export function resolvedVersion(store: FleetStore, doc: DocumentDef, version: number): ResolvedVersion {
  let cache = resolvedCache.get(store);
  if (!cache) resolvedCache.set(store, (cache = new Map()));
  const key = `${doc.name}#${version}`;
  let resolved = cache.get(key);
  if (!resolved) {
    const def = doc.versions[version - 1];
    const content = render(contentOf(doc, def));
    const createdDate = typeof def.created === 'number' ? def.created : Math.floor((store.generatedAt - def.created.daysAgo * DAY) / 1000) * 1000 - 3_141_000;
    resolved = { doc, version, def, content, createdDate, hash: createHash('sha256').update(content).digest('hex') };
    cache.set(key, resolved);
  }
  return resolved;
}

export const ownerOf = (store: FleetStore, doc: DocumentDef): string => (doc.owner === 'Amazon' ? 'Amazon' : store.accountId);
export const defaultVersionOf = (doc: DocumentDef): number => doc.defaultVersion ?? 1;

/** A document by name, or by ARN (AWS-owned: no account; the account's own: its ID). */
export function documentByName(store: FleetStore, name: string): DocumentDef | undefined {
  const arn = /^arn:aws:ssm:[a-z0-9-]*:(\d*):document\/(.+)$/.exec(name);
  const doc = BY_NAME.get(arn ? arn[2] : name);
  if (!doc || !arn) return doc;
  return arn[1] === '' || arn[1] === ownerOf(store, doc) ? doc : undefined;
}

export function findDocument(store: FleetStore, name: string): DocumentDef {
  const doc = documentByName(store, name);
  if (!doc) throw new SimError('InvalidDocument', `Document with name ${name} does not exist.`);
  return doc;
}

/** DocumentVersion ($DEFAULT, $LATEST or a number) and/or VersionName -> the version, or InvalidDocumentVersion. */
export function selectVersion(store: FleetStore, doc: DocumentDef, documentVersion?: string, versionName?: string): ResolvedVersion {
  const latest = doc.versions.length;
  let version = defaultVersionOf(doc);
  if (documentVersion === '$LATEST') version = latest;
  else if (documentVersion !== undefined && documentVersion !== '$DEFAULT') version = Number(documentVersion);
  if (versionName !== undefined) {
    const named = doc.versions.findIndex((v) => v.versionName === versionName) + 1;
    if (named === 0 || (documentVersion !== undefined && documentVersion !== '$DEFAULT' && named !== version)) {
      throw new SimError('InvalidDocumentVersion', `Document ${doc.name} has no version with VersionName ${versionName}${documentVersion ? ` and DocumentVersion ${documentVersion}` : ''}.`);
    }
    version = named;
  }
  if (!Number.isInteger(version) || version < 1 || version > latest) {
    throw new SimError('InvalidDocumentVersion', `Document ${doc.name} does not have version ${documentVersion}. Latest version is ${latest}.`);
  }
  return resolvedVersion(store, doc, version);
}
