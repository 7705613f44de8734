'use client';
import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkParameters, initialParameters, parametersToSend, type Parameters } from '@/lib/contracts/documents';
import type { RunPreview } from '@/lib/contracts/run-preview';
import type { RunRequestInput, RunTargets } from '@/lib/contracts/run-request';
import { ApiRequestError } from '@/lib/contracts/errors';
import { documentQuery, executeRun, meQuery, previewRun } from '@/lib/query/actions';
import { runKeys } from '@/lib/query/keys';
import { Banner } from '@/components/ui/banner';
import { Modal } from './modal';
import { DocumentPicker } from './document-picker';
import { ParameterForm } from './parameter-form';
import { DEFAULT_OPTIONS, optionProblems, outputOf, RunOptionsForm, type RunOptions } from './run-options';
import { TargetEditor, targetsReady, type EditableTargets } from './target-editor';
import { PreviewPanel } from './preview-panel';
import { newIdempotencyKey } from './idempotency-key';

export interface LaunchSpec {
  title: string;
  /** Fixed targets (a selection, a view, a retry); absent: the operator types tags, a patch group or a view. */
  targets?: RunTargets;
  /** Preset document; `lockDocument` hides the picker (patching, agent update, retries). */
  document?: string;
  lockDocument?: boolean;
  parameters?: Parameters;
  options?: Partial<RunOptions>;
  retryOf?: string;
  rerunOf?: string;
}

/**
 * Run any Command document: pick it, fill its parameters (checked as you type and again on the server), choose targets
 * and rate control, see exactly what will happen, confirm. Nothing is sent before the confirmation; the submission
 * carries an idempotency key made for this preview, so a double click sends one run.
 */
export function RunLauncher({ spec, onClose }: { spec: LaunchSpec; onClose: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  const [docName, setDocName] = useState<string | null>(spec.document ?? null);
  const doc = useQuery({ ...documentQuery(docName ?? ''), enabled: !!docName });
  const [params, setParams] = useState<Parameters | null>(null);
  const [typedTargets, setTypedTargets] = useState<EditableTargets>({ mode: 'tags', tags: [{ key: 'Environment', values: [] }] });
  const [options, setOptions] = useState<RunOptions>({ ...DEFAULT_OPTIONS, ...spec.options });
  const [keep, setKeep] = useState(false);
  const [keepRegions, setKeepRegions] = useState<string[]>([]);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [typed, setTyped] = useState('');
  const [picking, setPicking] = useState(!spec.document);
  const previewRef = useRef<HTMLDivElement>(null);
  const [initial] = useState(() => ({ typedTargets, options }));

  const defs = doc.data?.parameters ?? [];
  const values = params ?? (doc.data ? initialParameters(defs, spec.parameters) : {});
  const targets = spec.targets ?? typedTargets;
  const request: RunRequestInput | null = docName
    ? {
        document: docName, parameters: parametersToSend(defs, values), targets, maxConcurrency: options.maxConcurrency, maxErrors: options.maxErrors, timeoutSeconds: options.timeoutSeconds,
        comment: options.comment.trim() || undefined, output: outputOf(options), keepUnsupported: keep, keepFailedRegions: keepRegions, retryOf: spec.retryOf, rerunOf: spec.rerunOf,
      }
    : null;
  const problems = [...(doc.data ? checkParameters(defs, values).map((x) => x.message) : []), ...optionProblems(options), ...(targetsReady(targets) ? [] : ['Targets: give a tag key and value, a patch group or a view.'])];

  const previewing = useMutation({
    mutationFn: (r: RunRequestInput) => previewRun(r),
    onSuccess: (p) => {
      setPreview(p);
      setKey(newIdempotencyKey());
      setTyped('');
      requestAnimationFrame(() => previewRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    },
  });
  const sending = useMutation({
    mutationFn: () => executeRun({ ...request!, previewToken: preview!.previewToken, confirmation: typed || undefined }, key),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: runKeys.list() });
      router.push(`/runs/${r.runId}`);
    },
  });
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null); // any change needs a new preview
  };
  const phraseOk = !preview?.confirmationPhrase || typed.trim() === preview.confirmationPhrase;
  const stale = sending.error instanceof ApiRequestError && sending.error.code === 'PreviewStale';
  const canAct = me.data?.canAct ?? false;
  const busy = sending.isPending;
  // Anything the operator typed or chose: closing by a stray click or key asks first.
  const dirty = params !== null || preview !== null || typed !== '' || typedTargets !== initial.typedTargets || options !== initial.options || (!spec.document && docName !== null);

  return (
    <Modal title={spec.title} onClose={onClose} busy={busy} dirty={dirty} wide>
      <div className="space-y-5">
        {!spec.lockDocument && (picking || !docName) && <DocumentPicker value={docName} onPick={changed((n: string) => { setDocName(n); setParams(null); setPicking(false); })} />}
        {docName && doc.isPending && <p className="text-sm text-slate-500">Reading {docName}…</p>}
        {doc.isError && <Banner kind="error" title={`Cannot use ${docName}`}>{doc.error.message}</Banner>}
        {doc.data && (
          <>
            <div className="rounded bg-slate-50 px-3 py-2 text-sm" data-testid="document-summary">
              {!spec.lockDocument && !picking && <button type="button" onClick={() => setPicking(true)} className="float-right text-xs text-sky-700 hover:underline">Change document</button>}
              <b>{doc.data.name}</b> <span className="text-slate-500">v{doc.data.documentVersion} (latest {doc.data.latestVersion ?? '?'}) · {doc.data.platformTypes.join(', ')} · {doc.data.ownedBy === 'aws' ? 'AWS' : doc.data.owner}</span>
              {doc.data.description && <p className="text-slate-600">{doc.data.description}</p>}
            </div>
            <ParameterForm defs={defs} value={values} onChange={changed(setParams)} disabled={busy} />
          </>
        )}
        {!spec.targets && <TargetEditor value={typedTargets} onChange={changed(setTypedTargets)} disabled={busy} />}
        <RunOptionsForm value={options} onChange={changed(setOptions)} disabled={busy} executionTimeout={doc.data?.executionTimeoutParameter ?? null} />
        {!preview && (
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" disabled={!request || !doc.data || problems.length > 0 || previewing.isPending} onClick={() => request && previewing.mutate(request)} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
              {previewing.isPending ? 'Working out the preview…' : 'Preview'}
            </button>
            <span className="text-xs text-slate-500">{problems[0] ?? 'Nothing is sent until you confirm the preview.'}</span>
          </div>
        )}
        {previewing.isError && <Banner kind="error" title="No preview">{previewing.error.message}</Banner>}
        <div ref={previewRef} />
        {preview && <PreviewPanel p={preview} onKeepUnsupported={(k) => { setKeep(k); previewing.mutate({ ...request!, keepUnsupported: k }); }} onKeepFailedRegions={(r) => { setKeepRegions(r); previewing.mutate({ ...request!, keepFailedRegions: r }); }} />}
        {preview && (
          <Confirm preview={preview} canAct={canAct} refusal={me.data?.refusal?.message} typed={typed} setTyped={setTyped} phraseOk={phraseOk} sending={sending} stale={stale} onPreviewAgain={() => previewing.mutate(request!)} onChange={() => setPreview(null)} />
        )}
      </div>
    </Modal>
  );
}

function Confirm(p: {
  preview: RunPreview; canAct: boolean; refusal?: string; typed: string; setTyped: (s: string) => void; phraseOk: boolean;
  sending: { isPending: boolean; isSuccess: boolean; isError: boolean; error: Error | null; mutate: () => void }; stale: boolean; onPreviewAgain: () => void; onChange: () => void;
}) {
  const { preview } = p;
  const verb = preview.confirmationPhrase?.split(' ')[0] ?? (preview.document.name === 'AWS-RunPatchBaseline' ? preview.request.parameters.Operation?.[0]?.toUpperCase() : null) ?? 'RUN';
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      {!p.canAct && <Banner kind="warning" title="You cannot send this run">{p.refusal}</Banner>}
      {preview.confirmationPhrase && (
        <label className="block text-sm">
          <span className="font-medium text-red-800">
            {preview.production} production node{preview.production > 1 ? 's' : ''} targeted. Type <code className="rounded bg-red-50 px-1">{preview.confirmationPhrase}</code> to confirm:
          </span>
          <input aria-label="Confirmation" value={p.typed} onChange={(e) => p.setTyped(e.target.value)} className="mt-1 block w-64 rounded border border-red-300 px-2 py-1.5 font-mono text-sm" />
        </label>
      )}
      {p.sending.isError && (
        <Banner kind="error" title={p.stale ? 'The fleet changed since this preview' : 'Not sent'}>
          {p.sending.error?.message}
          {p.stale && <button type="button" className="ml-2 text-sky-700 underline" onClick={p.onPreviewAgain}>Preview again</button>}
        </Banner>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button" data-testid="confirm-run" disabled={!p.canAct || !p.phraseOk || p.sending.isPending || p.sending.isSuccess || preview.included === 0} onClick={() => p.sending.mutate()}
          className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${verb === 'INSTALL' ? 'bg-red-700 hover:bg-red-800' : 'bg-sky-700 hover:bg-sky-800'}`}
        >
          {p.sending.isPending ? 'Sending…' : `${verb[0]}${verb.slice(1).toLowerCase()} on ${preview.included.toLocaleString('en-US')} node${preview.included === 1 ? '' : 's'}`}
          {!p.sending.isPending && preview.accounts.length > 1 ? ` in ${preview.accounts.length} accounts` : ''}
        </button>
        <button type="button" onClick={p.onChange} disabled={p.sending.isPending} className="text-sm text-slate-600 hover:underline">Change options</button>
      </div>
    </div>
  );
}
