'use client';
import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { createOpsItem } from '@/lib/query/ops-items';
import type { CreateOpsItemRequest } from '@/lib/contracts/ops-items';
import { Banner } from '@/components/ui/banner';
import { Modal } from '@/components/runs/modal';
import { newIdempotencyKey } from '@/components/runs/idempotency-key';
import { draftErrors, draftToRequest, initialDraft, type CreateDraft, type CreatePreset } from './create-draft';
import { CreateFields } from './create-fields';
import { CreatePreview } from './create-preview';
import { CreatedResult } from './created-result';
import { useCanAct, useInvalidateOps } from './use-can-act';

/**
 * Create an OpsItem: the form, a preview of exactly what will be created, then the result. Checked as you type with
 * the server's zod schemas; the server's own refusal is shown under the button and nothing typed is lost. One
 * idempotency key per submitted content: a double click or a retry of the same form creates one OpsItem.
 */
export function CreateOpsItemDialog({ preset, onClose }: { preset: CreatePreset; onClose: () => void }) {
  const { canAct, refusal } = useCanAct();
  const invalidate = useInvalidateOps();
  const [draft, setDraft] = useState<CreateDraft>(() => initialDraft(preset));
  const [initial] = useState(draft);
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const key = useRef<{ body: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: (req: CreateOpsItemRequest) => {
      const body = JSON.stringify(req);
      if (key.current?.body !== body) key.current = { body, key: newIdempotencyKey() };
      return createOpsItem(req, key.current.key);
    },
    onSuccess: () => void invalidate(),
  });
  const req = draftToRequest(draft, preset);
  const errors = draftErrors(req, preset);
  const shown = attempted ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => touched.has(k.split('.')[0])));
  const busy = create.isPending;
  const submit = () => {
    setAttempted(true);
    if (Object.keys(errors).length === 0 && canAct) create.mutate(req);
  };

  return (
    <Modal title={preset.dialogTitle} onClose={onClose} busy={busy} dirty={draft !== initial && !create.isSuccess} wide>
      {create.isSuccess ? (
        <CreatedResult result={create.data} onClose={onClose} />
      ) : (
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          onBlur={(e) => {
            const name = (e.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field');
            if (name && !touched.has(name)) setTouched(new Set(touched).add(name));
          }}
        >
          <CreateFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} errors={shown} preset={preset} disabled={busy} />
          <CreatePreview req={req} preset={preset} />
          {!canAct && <Banner kind="warning" title="You cannot create OpsItems">{refusal}</Banner>}
          {create.isError && <Banner kind="error" title="Not created">{create.error.message}</Banner>}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" data-testid="create-ops-item-submit" disabled={!canAct || busy} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
              {busy ? 'Creating…' : 'Create OpsItem'}
            </button>
            <button type="button" onClick={onClose} disabled={busy} className="text-sm text-slate-600 hover:underline">Cancel</button>
            {attempted && Object.keys(errors).length > 0 && <span className="text-xs text-red-700">Fix the {Object.keys(errors).length === 1 ? 'field' : 'fields'} marked above.</span>}
          </div>
        </form>
      )}
    </Modal>
  );
}
