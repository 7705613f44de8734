'use client';
import { MAX_TAG_CONDITIONS, type RunTargets } from '@/lib/contracts/run-request';

const field = 'h-8 rounded border border-slate-300 px-2 text-sm';

export type EditableTargets = Extract<RunTargets, { mode: 'tags' | 'patchGroup' | 'view' }>;

/** Targets typed in: up to five tag conditions (ANDed, each any of its values), a patch group, or a nodes-page view. */
export function TargetEditor({ value, onChange, disabled }: { value: EditableTargets; onChange: (t: EditableTargets) => void; disabled?: boolean }) {
  const tags = value.mode === 'tags' ? value.tags : [{ key: 'Environment', values: [] as string[] }];
  const setTag = (i: number, key: string, values: string) => onChange({ mode: 'tags', tags: tags.map((t, j) => (j === i ? { key, values: values.split(',').map((v) => v.trim()).filter(Boolean) } : t)) });
  return (
    <fieldset disabled={disabled} className="space-y-2 text-sm" data-testid="target-editor">
      <legend className="text-sm font-semibold text-slate-800">Targets</legend>
      <div className="flex gap-4">
        {(['tags', 'patchGroup', 'view'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1.5">
            <input type="radio" checked={value.mode === m} onChange={() => onChange(m === 'tags' ? { mode: 'tags', tags } : m === 'patchGroup' ? { mode: 'patchGroup', patchGroup: '' } : { mode: 'view', query: '' })} />
            {m === 'tags' ? 'Tags' : m === 'patchGroup' ? 'A patch group' : 'A nodes view'}
          </label>
        ))}
      </div>
      {value.mode === 'tags' && (
        <div className="space-y-1.5">
          {tags.map((t, i) => (
            <div key={i} className="flex items-center gap-2">
              {i > 0 && <span className="w-8 text-xs text-slate-500">and</span>}
              <input aria-label={`Tag key ${i + 1}`} className={`${field} w-40`} value={t.key} onChange={(e) => setTag(i, e.target.value, t.values.join(', '))} />
              <span>=</span>
              <input aria-label={`Tag values ${i + 1}`} className={`${field} w-64`} placeholder="value (several: a, b)" defaultValue={t.values.join(', ')} onBlur={(e) => setTag(i, t.key, e.target.value)} onChange={(e) => setTag(i, t.key, e.target.value)} />
              {tags.length > 1 && <button type="button" className="text-xs text-slate-500 hover:text-red-700" onClick={() => onChange({ mode: 'tags', tags: tags.filter((_, j) => j !== i) })}>remove</button>}
            </div>
          ))}
          {tags.length < MAX_TAG_CONDITIONS && (
            <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => onChange({ mode: 'tags', tags: [...tags, { key: '', values: [] }] })}>+ another tag (ANDed)</button>
          )}
          <p className="text-xs text-slate-500">AWS resolves tags when it sends, in every region: every registered node that matches, offline and stopped ones too.</p>
        </div>
      )}
      {value.mode === 'patchGroup' && <input aria-label="Patch group" className={`${field} w-72`} value={value.patchGroup} placeholder="e.g. dev-linux" onChange={(e) => onChange({ mode: 'patchGroup', patchGroup: e.target.value })} />}
      {value.mode === 'view' && (
        <div>
          <input aria-label="Nodes view" className={`${field} w-full font-mono`} value={value.query} placeholder="a /nodes link or its query, e.g. ping=Online&tag=Role%3Dweb" onChange={(e) => onChange({ mode: 'view', query: e.target.value.replace(/^.*\/nodes\??/, '') })} />
          <p className="text-xs text-slate-500">The nodes the Nodes page shows for this filter, sent as their IDs (only Online ones).</p>
        </div>
      )}
    </fieldset>
  );
}

export const targetsReady = (t: RunTargets) =>
  t.mode === 'tags' ? t.tags.length > 0 && t.tags.every((c) => c.key.trim() && c.values.length) : t.mode === 'patchGroup' ? t.patchGroup.trim() !== '' : true;
