/** Documents and their parameters through the real SDK and the simulated AWS; validation of a run's parameters; platform preflight. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentsResponse } from '@/lib/contracts/documents';
import { checkParameters, initialParameters } from '@/lib/contracts/documents';
import { postRequest } from '@/lib/testing/actions';
import { installRunTestEnv, execute, script, waitDone } from '@/app/api/runs/test-helpers';
import { getFleetSnapshot } from '@/lib/fleet/fleet';
import { resetDocumentCache } from '@/lib/documents/catalog';
import { GET as listRoute } from '@/app/api/documents/route';
import { GET as detailRoute } from '@/app/api/documents/[name]/route';
import { POST as previewRoute } from '@/app/api/runs/preview/route';

const mock = installRunTestEnv();

beforeEach(() => resetDocumentCache());

const list = async (q = ''): Promise<DocumentsResponse> => (await listRoute(new Request(`http://dash.test/api/documents${q}`), undefined)).json();
const detail = (name: string) => detailRoute(new Request(`http://dash.test/api/documents/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });
const previewError = async (body: object) => {
  const res = await previewRoute(postRequest('/api/runs/preview', body), undefined);
  return { status: res.status, error: (await res.json()).error as { code: string; message: string } };
};

describe('documents', () => {
  it('lists AWS-owned and the account\'s Command documents with platforms, owner and version, filtered', async () => {
    const all = await list();
    expect(all.errors).toEqual([]);
    const names = all.documents.map((d) => d.name);
    for (const n of ['AWS-RunShellScript', 'AWS-RunPowerShellScript', 'AWS-RunPatchBaseline', 'AWS-UpdateSSMAgent', 'AWS-ConfigureAWSPackage']) expect(names).toContain(n);
    expect(all.documents.every((d) => d.documentType === 'Command')).toBe(true);
    const own = all.documents.filter((d) => d.ownedBy === 'account');
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(all.documents[0].ownedBy).toBe('account'); // the account's own first
    expect(all.documents.find((d) => d.name === 'AWS-RunShellScript')).toMatchObject({ ownedBy: 'aws', owner: 'Amazon', regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] });
    expect((await list('?q=powershell')).documents.map((d) => d.name)).toContain('AWS-RunPowerShellScript');
    expect((await list('?platform=Windows')).documents.every((d) => d.platformTypes.includes('Windows'))).toBe(true);
    expect((await list('?owner=account')).documents.every((d) => d.ownedBy === 'account')).toBe(true);
    expect((await listRoute(new Request('http://dash.test/api/documents?platform=BeOS'), undefined)).status).toBe(400);
  });

  it('gives a form for every catalog document: each parameter with its type and rules; only required ones need input', async () => {
    const all = await list();
    for (const d of all.documents) {
      const res = await detail(d.name);
      expect(res.status, d.name).toBe(200);
      const doc: DocumentDetail = await res.json();
      expect(doc.parameters.length, d.name).toBeGreaterThanOrEqual(0);
      const start = initialParameters(doc.parameters);
      const problems = checkParameters(doc.parameters, start);
      expect(problems.map((p) => `${p.parameter}:${p.rule}`).sort(), d.name).toEqual(doc.parameters.filter((p) => p.required).map((p) => `${p.name}:required`).sort());
    }
    const shell: DocumentDetail = await (await detail('AWS-RunShellScript')).json();
    expect(shell.parameters.find((p) => p.name === 'commands')).toMatchObject({ type: 'StringList', required: true, displayType: 'textarea' });
    expect(shell.parameters.find((p) => p.name === 'executionTimeout')?.allowedPattern).toBeTruthy();
    expect(shell.executionTimeoutParameter).toBe('executionTimeout');
    expect(shell.platformTypes).toEqual(expect.arrayContaining(['Linux']));
    const withChoices = all.documents.filter((d) => d.ownedBy === 'account');
    const details: DocumentDetail[] = await Promise.all(withChoices.map(async (d) => (await detail(d.name)).json()));
    expect(details.some((d) => d.parameters.some((p) => p.allowedValues?.length))).toBe(true);
    expect(details.some((d) => d.parameters.some((p) => p.allowedPattern))).toBe(true);
  });

  it('answers an unknown document with 404 and a malformed name with 400', async () => {
    const unknown = await detail('Ops-NoSuchDocument');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('DocumentNotFound');
    const bad = await detail('a b');
    expect(bad.status).toBe(400);
  });
});

describe('run parameters are checked on the server', () => {
  it('names the parameter and the rule: required, allowed values, pattern, unknown', async () => {
    const targets = { mode: 'nodes', nodeIds: ['i-00000000000000001'] };
    const base = { targets, maxConcurrency: '1', maxErrors: '0', timeoutSeconds: 600 };
    const required = await previewError({ ...base, document: 'AWS-RunShellScript', parameters: {} });
    expect(required).toMatchObject({ status: 400, error: { code: 'InvalidParameters' } });
    expect(required.error.message).toMatch(/commands: is required/);
    const allowed = await previewError({ ...base, document: 'AWS-RunPatchBaseline', parameters: { Operation: ['Reboot'] } });
    expect(allowed.error.message).toMatch(/Operation: value "Reboot" is not one of Scan, Install/);
    const pattern = await previewError({ ...base, document: 'AWS-RunShellScript', parameters: { commands: ['uptime'], executionTimeout: ['forever'] } });
    expect(pattern.error.message).toMatch(/executionTimeout: value "forever" does not match the allowed pattern/);
    const unknown = await previewError({ ...base, document: 'AWS-RunShellScript', parameters: { commands: ['uptime'], sudo: ['yes'] } });
    expect(unknown.error.message).toMatch(/sudo: the document has no such parameter/);
    const missing = await previewError({ ...base, document: 'Ops-NoSuchDocument', parameters: {} });
    expect(missing.status).toBe(404);
  });
});

describe('platform preflight', () => {
  it('leaves out nodes whose platform the document does not support, unless kept: then they end Invalid Platform', async () => {
    const snap = await getFleetSnapshot();
    const online = snap.nodes.filter((n) => n.managed && n.ping === 'Online' && n.region === 'us-east-1');
    const linux = online.filter((n) => n.platformType === 'Linux').slice(0, 3);
    const windows = online.filter((n) => n.platformType === 'Windows').slice(0, 2);
    const nodeIds = [...linux, ...windows].map((n) => n.id);
    const left = await execute(script(['uptime'], { targets: { mode: 'nodes', nodeIds } }));
    expect(left.preview.counts.unsupported).toBe(2);
    expect(left.preview.nodes.filter((n) => n.fate === 'unsupported').every((n) => !n.included)).toBe(true);
    const d1 = await waitDone(mock, left.body.runId);
    expect(d1.nodes.map((n) => n.nodeId).sort()).toEqual(linux.map((n) => n.id).sort());

    const kept = await execute(script(['uptime'], { targets: { mode: 'nodes', nodeIds }, keepUnsupported: true }));
    expect(kept.preview.included).toBe(5);
    const d2 = await waitDone(mock, kept.body.runId);
    expect(d2.nodes.filter((n) => n.outcome === 'invalidPlatform').map((n) => n.nodeId).sort()).toEqual(windows.map((n) => n.id).sort());
    expect(d2.nodes.filter((n) => n.outcome === 'success')).toHaveLength(3);
  });
});
