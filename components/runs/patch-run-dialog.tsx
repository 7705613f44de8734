'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PatchRunPreview, RunTargets } from '@/lib/contracts/patch-run';
import { ApiRequestError } from '@/lib/contracts/errors';
import { executeRun, meQuery, previewRun } from '@/lib/query/actions';
import { runKeys } from '@/lib/query/keys';
import { Banner } from '@/components/ui/banner';
import { Modal } from './modal';
import { DEFAULT_OPTIONS, optionsValid, RunForm, type RunOptions } from './run-form';
import { PreviewPanel } from './preview-panel';

/** A fresh idempotency key (crypto.randomUUID needs a secure context; plain-HTTP intranets are common). */
const newKey = () =>
  typeof crypto.randomUUID === 'function' && window.isSecureContext
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Choose how to patch, see exactly what will happen, confirm. Nothing is sent before the confirmation; the
 * submission carries an idempotency key made for this preview, so a double click sends one run.
 */
export function PatchRunDialog({ targets, title, onClose, retryOf, initial }: { targets: RunTargets; title: string; onClose: () => void; retryOf?: string; initial?: Partial<RunOptions> }) {
  const router = useRouter();
  const qc = useQueryClient();
  const me = useQuery(meQuery());
  const [options, setOptions] = useState<RunOptions>({ ...DEFAULT_OPTIONS, ...initial });
  const [preview, setPreview] = useState<PatchRunPreview | null>(null);
  const [key, setKey] = useState(newKey);
  const [typed, setTyped] = useState('');
  const request = { ...options, comment: options.comment || undefined, targets, ...(retryOf ? { retryOf } : {}) };

  const previewing = useMutation({
    mutationFn: () => previewRun(request),
    onSuccess: (p) => {
      setPreview(p);
      setKey(newKey());
      setTyped('');
    },
  });
  const sending = useMutation({
    mutationFn: () => executeRun({ ...request, previewToken: preview!.previewToken, confirmation: typed || undefined }, key),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: runKeys.list() });
      router.push(`/runs/${r.runId}`);
    },
  });

  const change = (v: RunOptions) => {
    setOptions(v);
    setPreview(null); // any change needs a new preview
  };
  const phraseOk = !preview?.confirmationPhrase || typed.trim() === preview.confirmationPhrase;
  const stale = sending.error instanceof ApiRequestError && sending.error.code === 'PreviewStale';
  const canAct = me.data?.canAct ?? false;

  return (
    <Modal title={title} onClose={onClose} busy={sending.isPending} wide>
      <div className="space-y-4">
        <RunForm value={options} onChange={change} disabled={sending.isPending} />
        {!preview && (
          <div className="flex items-center gap-3">
            <button type="button" disabled={!optionsValid(options) || previewing.isPending} onClick={() => previewing.mutate()} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
              {previewing.isPending ? 'Working out the preview…' : 'Preview'}
            </button>
            <span className="text-xs text-slate-500">Nothing is sent until you confirm the preview.</span>
          </div>
        )}
        {previewing.isError && <Banner kind="error" title="No preview">{previewing.error.message}</Banner>}
        {preview && <PreviewPanel p={preview} />}
        {preview && (
          <div className="space-y-2 border-t border-slate-200 pt-3">
            {!canAct && me.data && (
              <Banner kind="warning" title="You cannot send this run">{me.data.refusal?.message}</Banner>
            )}
            {preview.confirmationPhrase && (
              <label className="block text-sm">
                <span className="font-medium text-red-800">
                  {preview.production} production node{preview.production > 1 ? 's' : ''} targeted. Type <code className="rounded bg-red-50 px-1">{preview.confirmationPhrase}</code> to confirm:
                </span>
                <input aria-label="Confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} className="mt-1 block w-64 rounded border border-red-300 px-2 py-1.5 font-mono text-sm" />
              </label>
            )}
            {sending.isError && (
              <Banner kind="error" title={stale ? 'The fleet changed since this preview' : 'Not sent'}>
                {sending.error.message}
                {stale && (
                  <button type="button" className="ml-2 text-sky-700 underline" onClick={() => previewing.mutate()}>Preview again</button>
                )}
              </Banner>
            )}
            <div className="flex items-center gap-3">
              <button
                type="button"
                data-testid="confirm-run"
                disabled={!canAct || !phraseOk || sending.isPending || sending.isSuccess}
                onClick={() => sending.mutate()}
                className={`rounded px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50 ${options.operation === 'Install' ? 'bg-red-700 hover:bg-red-800' : 'bg-sky-700 hover:bg-sky-800'}`}
              >
                {sending.isPending ? 'Sending…' : `${options.operation} on ${preview.reachable + (preview.unreachableSent ? preview.unreachable : 0)} nodes`}
              </button>
              <button type="button" onClick={() => setPreview(null)} disabled={sending.isPending} className="text-sm text-slate-600 hover:underline">
                Change options
              </button>
            </div>
          </div>
        )}
      </div>
    </Modal>
  );
}
