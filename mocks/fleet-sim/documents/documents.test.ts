import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { defaultVersionOf, DOCUMENTS, resolvedVersion, selectVersion } from './catalog';
import { checkParameters, defaultValues } from './parameters';
import type { DocumentDef, ParamDef } from './types';

const sim = createSimulation({ nodes: 0, seed: 1, now: () => Date.UTC(2025, 5, 1, 12) });
const versions = DOCUMENTS.flatMap((doc) => doc.versions.map((_, i) => resolvedVersion(sim.store, doc, i + 1)));

describe('document catalog', () => {
  it('has the AWS and account documents the dashboard offers, Command and other types', () => {
    const commandDocs = DOCUMENTS.filter((d) => d.documentType === 'Command').map((d) => d.name);
    expect(commandDocs).toEqual(expect.arrayContaining([
      'AWS-RunShellScript', 'AWS-RunPowerShellScript', 'AWS-RunPatchBaseline', 'AWS-UpdateSSMAgent', 'AWS-ConfigureAWSPackage', 'AWS-RunAnsiblePlaybook',
      'AWS-RunRemoteScript', 'AWS-InstallWindowsUpdates', 'Ops-RestartService', 'Ops-CollectLogs', 'Ops-RestartWindowsService',
    ]));
    expect(new Set(DOCUMENTS.map((d) => d.documentType))).toEqual(new Set(['Command', 'Automation', 'Session']));
    for (const name of ['Ops-RestartService', 'Ops-CollectLogs', 'Ops-RestartWindowsService']) {
      const doc = DOCUMENTS.find((d) => d.name === name);
      expect([doc?.owner, doc?.versions.length, doc && defaultVersionOf(doc)]).toEqual(['self', 3, 2]);
    }
  });

  it('stores each version as JSON content with its Sha256 hash; versions differ', () => {
    for (const v of versions) {
      const content = JSON.parse(v.content) as { schemaVersion: string; parameters: Record<string, ParamDef> };
      expect(content.schemaVersion).toBe(v.def.schemaVersion);
      expect(Object.keys(content.parameters)).toEqual(Object.keys(v.def.parameters));
      expect(v.hash).toBe(createHash('sha256').update(v.content).digest('hex'));
    }
    expect(new Set(versions.map((v) => v.hash)).size).toBe(versions.length);
    const collect = DOCUMENTS.find((d) => d.name === 'Ops-CollectLogs') as DocumentDef;
    expect(selectVersion(sim.store, collect, '$LATEST').def.parameters.TicketId).toBeDefined();
    expect(selectVersion(sim.store, collect).def.parameters.TicketId).toBeUndefined();
  });

  it('has defaults that satisfy their own rules', () => {
    for (const v of versions) {
      const given = Object.fromEntries(Object.entries(v.def.parameters).map(([name, def]) => [name, defaultValues(def) ?? sample(def)]));
      expect(() => checkParameters(v, given), `${v.doc.name} v${v.version}`).not.toThrow();
    }
  });

  it('uses every parameter type and rule a form generator meets, in default versions of Command documents', () => {
    const defs = DOCUMENTS.filter((d) => d.documentType === 'Command').flatMap((d) => Object.values(d.versions[defaultVersionOf(d) - 1].parameters));
    expect(new Set(defs.map((d) => d.type))).toEqual(new Set(['String', 'StringList', 'Boolean', 'Integer', 'StringMap', 'MapList']));
    for (const rule of ['allowedValues', 'allowedPattern', 'displayType', 'minItems', 'maxItems', 'minChars', 'maxChars', 'default'] as const) {
      expect(defs.some((d) => d[rule] !== undefined), rule).toBe(true);
    }
    expect(defs.some((d) => d.default === undefined)).toBe(true); // required parameters
  });
});

/** A valid value for a required parameter (tests only). */
function sample(def: ParamDef): string[] {
  if (def.allowedValues) return [def.allowedValues[0]];
  if (def.type === 'StringMap') return ['{"path": "https://s3.amazonaws.com/bucket/script.sh"}'];
  if (def.allowedPattern?.includes('[A-Z][A-Z0-9]+-')) return ['OPS-1234'];
  if (def.allowedPattern?.startsWith('^arn:')) return ['AmazonCloudWatchAgent'];
  if (def.allowedPattern?.includes('253')) return ['db.internal'];
  if (def.type === 'StringList') return ['i-0123456789abcdef0'];
  return ['x'.repeat(def.minChars ?? 1)];
}
