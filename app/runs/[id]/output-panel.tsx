'use client';
import { useQuery } from '@tanstack/react-query';
import { runOutputQuery } from '@/lib/query/actions';
import { Banner } from '@/components/ui/banner';
import { CopyButton } from '@/components/ui/copy-button';

/** One node's stdout and stderr, as complete as AWS returns them, marked when AWS cut them. */
export function OutputPanel({ runId, nodeId, onClose, done }: { runId: string; nodeId: string; onClose: () => void; done: boolean }) {
  const q = useQuery({ ...runOutputQuery(runId, nodeId), refetchInterval: (query) => (done || ['Success', 'Failed', 'TimedOut', 'Cancelled'].includes(query.state.data?.status ?? '') ? false : 5_000) });
  return (
    <section data-testid="output-panel" className="rounded-lg border border-slate-300 bg-white shadow-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <h2 className="text-sm font-semibold">Output of <span className="font-mono">{nodeId}</span>{q.data && <span className="ml-2 font-normal text-slate-600">{q.data.status}{q.data.responseCode !== null ? ` · exit ${q.data.responseCode}` : ''}</span>}</h2>
        <button type="button" onClick={onClose} className="text-sm text-slate-500 hover:text-slate-800">Close</button>
      </header>
      <div className="space-y-3 p-4">
        {q.isPending && <p className="text-sm text-slate-500">Loading output…</p>}
        {q.isError && <Banner kind="error" title="Output unavailable">{q.error.message}</Banner>}
        {q.data && (
          <>
            <Stream label="stdout" text={q.data.stdout} truncated={q.data.stdoutTruncated} limit="24,000" />
            {(q.data.stderr || q.data.stderrTruncated) && <Stream label="stderr" text={q.data.stderr} truncated={q.data.stderrTruncated} limit="8,000" />}
          </>
        )}
      </div>
    </section>
  );
}

function Stream({ label, text, truncated, limit }: { label: string; text: string; truncated: boolean; limit: string }) {
  return (
    <div>
      <div className="mb-1 flex items-center gap-2 text-xs">
        <span className="font-semibold uppercase text-slate-600">{label}</span>
        <span className="text-slate-500">{text.length.toLocaleString()} characters</span>
        {truncated && (
          <span data-testid={`${label}-truncated`} className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">
            Truncated by AWS at {limit} characters: send output to S3 or CloudWatch Logs for all of it
          </span>
        )}
        <span className="ml-auto"><CopyButton text={text} label="Copy" /></span>
      </div>
      <pre className={`max-h-96 overflow-auto rounded p-3 font-mono text-xs whitespace-pre-wrap ${label === 'stderr' ? 'bg-red-950 text-red-100' : 'bg-slate-900 text-slate-100'}`}>{text || '(empty)'}</pre>
    </div>
  );
}
