'use client';
import { OPS_LIMITS } from '@/lib/contracts/ops-items';
import type { CreateDraft, CreatePreset } from './create-draft';
import { CategorySelect, Field, INPUT, PrioritySelect, SELECT, SeveritySelect } from './form-fields';
import { OpsDataEditor } from './ops-data-editor';

/** The create form's fields; `data-field` names what a blur marks as touched (its errors then show). */
export function CreateFields({ draft, onChange, errors, preset, disabled }: {
  draft: CreateDraft; onChange: (patch: Partial<CreateDraft>) => void; errors: Record<string, string>; preset: CreatePreset; disabled: boolean;
}) {
  return (
    <div className="space-y-3">
      <Field label="Title" error={errors.title} hint={`${draft.title.length} / ${OPS_LIMITS.title}`}>
        {(id) => <input id={id} data-field="title" value={draft.title} disabled={disabled} onChange={(e) => onChange({ title: e.target.value })} className={INPUT} />}
      </Field>
      <Field label="Description" error={errors.description} hint={`${draft.description.length} / ${OPS_LIMITS.description}: what happened, what to check`}>
        {(id) => <textarea id={id} data-field="description" rows={5} value={draft.description} disabled={disabled} onChange={(e) => onChange({ description: e.target.value })} className={`${INPUT} font-mono text-xs`} />}
      </Field>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Severity" error={errors.severity}>
          {(id) => <SeveritySelect id={id} value={draft.severity} disabled={disabled} onChange={(severity) => onChange({ severity })} />}
        </Field>
        <Field label="Priority" error={errors.priority}>
          {(id) => <PrioritySelect id={id} value={draft.priority} disabled={disabled} onChange={(priority) => onChange({ priority })} />}
        </Field>
        <Field label="Category" error={errors.category}>
          {(id) => <CategorySelect id={id} value={draft.category} disabled={disabled} onChange={(category) => onChange({ category })} />}
        </Field>
        {!preset.regionFromSource && (
          <Field label="Region" error={errors.region}>
            {(id) => (
              <select id={id} data-field="region" value={draft.region} disabled={disabled || preset.regionFixed} onChange={(e) => onChange({ region: e.target.value })} className={SELECT}>
                {!preset.regionFixed && <option value="">{draft.nodeIds.trim() ? 'From the nodes' : 'Choose…'}</option>}
                {preset.regions.map((r) => <option key={r} value={r}>{r}</option>)}
              </select>
            )}
          </Field>
        )}
      </div>
      <Field label="Also relate these nodes (optional)" error={errors.nodeIds} hint={`Node IDs separated by spaces or commas, at most ${OPS_LIMITS.relatedNodes}`}>
        {(id) => <input id={id} data-field="nodeIds" value={draft.nodeIds} disabled={disabled} placeholder="i-0123456789abcdef0 mi-0123456789abcdef0" onChange={(e) => onChange({ nodeIds: e.target.value })} className={`${INPUT} font-mono text-xs`} />}
      </Field>
      <div data-field="operationalData">
        <OpsDataEditor rows={draft.data} onChange={(data) => onChange({ data })} errors={errors} disabled={disabled} />
        {errors.operationalData && <p role="alert" className="mt-0.5 text-xs text-red-700">{errors.operationalData}</p>}
      </div>
    </div>
  );
}
