'use client';
import type { PatchRunRequest } from '@/lib/contracts/patch-run';
import { MAX_CONCURRENCY_PATTERN, MAX_ERRORS_PATTERN } from '@/lib/contracts/patch-run';

export type RunOptions = Omit<PatchRunRequest, 'targets' | 'retryOf'>;

export const DEFAULT_OPTIONS: RunOptions = {
  operation: 'Scan',
  rebootOption: 'RebootIfNeeded',
  maxConcurrency: '10%',
  maxErrors: '0',
  timeoutSeconds: 3600,
  comment: '',
};

const field = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-500 focus:outline-none';

/** Operation, reboot behaviour and rate control, validated as AWS validates them. */
export function RunForm({ value, onChange, disabled }: { value: RunOptions; onChange: (v: RunOptions) => void; disabled?: boolean }) {
  const set = (patch: Partial<RunOptions>) => onChange({ ...value, ...patch });
  const concOk = MAX_CONCURRENCY_PATTERN.test(value.maxConcurrency);
  const errOk = MAX_ERRORS_PATTERN.test(value.maxErrors);
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
      <div>
        <span className="font-medium text-slate-700">Operation</span>
        <div className="mt-1 flex gap-4">
          {(['Scan', 'Install'] as const).map((op) => (
            <label key={op} className="flex items-center gap-1.5">
              <input type="radio" name="operation" checked={value.operation === op} onChange={() => set({ operation: op })} />
              {op}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{value.operation === 'Scan' ? 'Reports missing patches; changes nothing.' : 'Installs approved patches.'}</p>
      </div>
      <div>
        <span className="font-medium text-slate-700">Reboot</span>
        <div className="mt-1 flex gap-4">
          {(['RebootIfNeeded', 'NoReboot'] as const).map((r) => (
            <label key={r} className={`flex items-center gap-1.5 ${value.operation === 'Scan' ? 'opacity-50' : ''}`}>
              <input type="radio" name="reboot" disabled={value.operation === 'Scan'} checked={value.rebootOption === r} onChange={() => set({ rebootOption: r })} />
              {r === 'RebootIfNeeded' ? 'Reboot if needed' : 'No reboot'}
            </label>
          ))}
        </div>
      </div>
      <label className="block">
        <span className="font-medium text-slate-700">Max concurrency</span>
        <input aria-label="Max concurrency" className={`${field} ${concOk ? '' : 'border-red-500'}`} value={value.maxConcurrency} onChange={(e) => set({ maxConcurrency: e.target.value.trim() })} />
        <span className={`text-xs ${concOk ? 'text-slate-500' : 'text-red-700'}`}>{concOk ? 'Nodes at once: a number (10) or a percentage (10%).' : 'A number from 1, or 1%–100%.'}</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Max errors</span>
        <input aria-label="Max errors" className={`${field} ${errOk ? '' : 'border-red-500'}`} value={value.maxErrors} onChange={(e) => set({ maxErrors: e.target.value.trim() })} />
        <span className={`text-xs ${errOk ? 'text-slate-500' : 'text-red-700'}`}>{errOk ? 'Failures tolerated before AWS stops sending (0 = stop at the first).' : 'A number from 0, or 0%–100%.'}</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Timeout (seconds)</span>
        <input aria-label="Timeout" type="number" min={30} max={172800} className={field} value={value.timeoutSeconds} onChange={(e) => set({ timeoutSeconds: Number(e.target.value) })} />
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Comment</span>
        <input aria-label="Comment" maxLength={70} className={field} value={value.comment ?? ''} placeholder="e.g. CHG-1234 November patching" onChange={(e) => set({ comment: e.target.value })} />
      </label>
    </fieldset>
  );
}

export const optionsValid = (v: RunOptions) =>
  MAX_CONCURRENCY_PATTERN.test(v.maxConcurrency) && MAX_ERRORS_PATTERN.test(v.maxErrors) && v.timeoutSeconds >= 30 && v.timeoutSeconds <= 172800;
