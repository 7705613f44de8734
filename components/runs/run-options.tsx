'use client';
import { MAX_COMMENT, MAX_CONCURRENCY_PATTERN, MAX_ERRORS_PATTERN, OutputOptionsSchema, type OutputOptions } from '@/lib/contracts/run-request';

export interface RunOptions {
  maxConcurrency: string;
  maxErrors: string;
  timeoutSeconds: number;
  comment: string;
  s3Bucket: string;
  s3Prefix: string;
  logGroup: string;
  cloudWatch: boolean;
}

export const DEFAULT_OPTIONS: RunOptions = { maxConcurrency: '10%', maxErrors: '0', timeoutSeconds: 600, comment: '', s3Bucket: '', s3Prefix: '', logGroup: '', cloudWatch: false };

const field = 'mt-1 block w-full rounded border px-2 py-1.5 text-sm focus:outline-none';
const tone = (ok: boolean) => (ok ? 'border-slate-300 focus:border-sky-500' : 'border-red-500');

export function outputOf(o: RunOptions): OutputOptions | undefined {
  const out: OutputOptions = {};
  if (o.s3Bucket.trim()) out.s3 = { bucket: o.s3Bucket.trim(), ...(o.s3Prefix.trim() ? { prefix: o.s3Prefix.trim() } : {}) };
  if (o.cloudWatch) out.cloudWatch = o.logGroup.trim() ? { logGroup: o.logGroup.trim() } : {};
  return out.s3 || out.cloudWatch ? out : undefined;
}

/** Problems with the options, as the server will see them (empty when fine). */
export function optionProblems(o: RunOptions): string[] {
  const p: string[] = [];
  if (!MAX_CONCURRENCY_PATTERN.test(o.maxConcurrency)) p.push('Max concurrency: a number from 1, or 1%–100%.');
  if (!MAX_ERRORS_PATTERN.test(o.maxErrors)) p.push('Max errors: a number from 0, or 0%–100%.');
  if (!(o.timeoutSeconds >= 30 && o.timeoutSeconds <= 2_592_000)) p.push('Delivery timeout: 30 seconds to 30 days.');
  if (o.comment.length > MAX_COMMENT) p.push(`Comment: at most ${MAX_COMMENT} characters.`);
  const out = OutputOptionsSchema.safeParse(outputOf(o) ?? {});
  if (!out.success) p.push(...out.error.issues.map((i) => i.message));
  return p;
}

/** Rate control, delivery timeout, the change ticket and where the full output goes. */
export function RunOptionsForm({ value, onChange, disabled, executionTimeout }: { value: RunOptions; onChange: (v: RunOptions) => void; disabled?: boolean; executionTimeout: string | null }) {
  const set = (patch: Partial<RunOptions>) => onChange({ ...value, ...patch });
  const concOk = MAX_CONCURRENCY_PATTERN.test(value.maxConcurrency);
  const errOk = MAX_ERRORS_PATTERN.test(value.maxErrors);
  const out = OutputOptionsSchema.safeParse(outputOf(value) ?? {});
  const outProblems = out.success ? [] : out.error.issues.map((i) => i.message);
  return (
    <fieldset disabled={disabled} className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm md:grid-cols-4" data-testid="run-options">
      <legend className="col-span-full mb-1 text-sm font-semibold text-slate-800">Rate control and output</legend>
      <label className="block">
        <span className="font-medium text-slate-700">Max concurrency</span>
        <input aria-label="Max concurrency" className={`${field} ${tone(concOk)}`} value={value.maxConcurrency} onChange={(e) => set({ maxConcurrency: e.target.value.trim() })} />
        <span className={`text-xs ${concOk ? 'text-slate-500' : 'text-red-700'}`}>{concOk ? 'Nodes at once: 10 or 10%.' : 'A number from 1, or 1%–100%.'}</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Max errors</span>
        <input aria-label="Max errors" className={`${field} ${tone(errOk)}`} value={value.maxErrors} onChange={(e) => set({ maxErrors: e.target.value.trim() })} />
        <span className={`text-xs ${errOk ? 'text-slate-500' : 'text-red-700'}`}>{errOk ? 'Failures before AWS stops (0: at the first).' : 'A number from 0, or 0%–100%.'}</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Delivery timeout (s)</span>
        <input aria-label="Delivery timeout" type="number" min={30} max={2592000} className={`${field} ${tone(value.timeoutSeconds >= 30 && value.timeoutSeconds <= 2_592_000)}`} value={value.timeoutSeconds} onChange={(e) => set({ timeoutSeconds: Number(e.target.value) })} />
        <span className="text-xs text-slate-500">How long AWS keeps trying offline nodes.{executionTimeout ? ` Execution timeout: the ${executionTimeout} parameter.` : ''}</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Comment (change ticket)</span>
        <input aria-label="Comment" maxLength={MAX_COMMENT} className={`${field} ${tone(value.comment.length <= MAX_COMMENT)}`} value={value.comment} placeholder="e.g. CHG-1234 restart nginx" onChange={(e) => set({ comment: e.target.value })} />
        <span className="text-xs text-slate-500">{value.comment.length}/{MAX_COMMENT}; the run ID is added for AWS.</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Output to S3: bucket</span>
        <input aria-label="S3 bucket" className={`${field} border-slate-300`} value={value.s3Bucket} placeholder="optional" onChange={(e) => set({ s3Bucket: e.target.value })} />
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">S3 key prefix</span>
        <input aria-label="S3 key prefix" className={`${field} border-slate-300`} value={value.s3Prefix} placeholder="run-command/" disabled={!value.s3Bucket} onChange={(e) => set({ s3Prefix: e.target.value })} />
      </label>
      <label className="flex items-center gap-2 self-end pb-2">
        <input type="checkbox" aria-label="Send output to CloudWatch Logs" checked={value.cloudWatch} onChange={(e) => set({ cloudWatch: e.target.checked })} />
        <span className="font-medium text-slate-700">CloudWatch Logs</span>
      </label>
      <label className="block">
        <span className="font-medium text-slate-700">Log group</span>
        <input aria-label="Log group" className={`${field} border-slate-300`} value={value.logGroup} placeholder="/aws/ssm/<document>" disabled={!value.cloudWatch} onChange={(e) => set({ logGroup: e.target.value })} />
      </label>
      {outProblems.map((m) => <p key={m} role="alert" className="col-span-full text-xs text-red-700">{m}</p>)}
    </fieldset>
  );
}
