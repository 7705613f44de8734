'use client';
import { useQuery } from '@tanstack/react-query';
import { runOutputQuery } from '@/lib/query/actions';
import { OUTCOMES } from '@/lib/contracts/command-status';
import { s3ConsoleUrl } from '@/lib/contracts/links';
import type { RunNode } from '@/lib/contracts/run';
import { formatDateTime } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { CopyButton } from '@/components/ui/copy-button';
import { OutcomeBadge } from '@/components/runs/run-status-badge';

/** One node's stdout and stderr, as complete as AWS returns them, marked when AWS cut them, next to its row. */
export function OutputPanel({ runId, node, onClose }: { runId: string; node: RunNode; onClose: () => void }) {
  const ended = OUTCOMES[node.outcome].terminal;
  const q = useQuery({ ...runOutputQuery(runId, node.nodeId), enabled: node.outcome !== 'notSent', refetchInterval: ended ? false : 5_000 });
  const o = q.data;
  return (
    <section data-testid="output-panel" className="flex max-h-[calc(100vh-8rem)] flex-col rounded-lg border border-slate-300 bg-white shadow-sm">
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{node.name ?? node.nodeId}</h2>
          <p className="font-mono text-xs text-slate-500">{node.nodeId} · {node.region}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <OutcomeBadge outcome={o?.outcome ?? node.outcome} />
            {o?.responseCode !== null && o?.responseCode !== undefined && <span data-testid="exit-code">exit {o.responseCode}</span>}
            {o?.pluginName && <span className="font-mono">{o.pluginName}</span>}
            {o?.startedAt && <span>{formatDateTime(o.startedAt)}</span>}
          </p>
        </div>
        <button type="button" onClick={onClose} className="text-sm text-slate-500 hover:text-slate-800" aria-label="Close output">✕</button>
      </header>
      <div className="space-y-3 overflow-auto p-3">
        {node.outcome === 'notSent' && <p className="text-sm text-slate-600">Never sent to this node: {node.statusDetails}</p>}
        {node.outcome !== 'notSent' && q.isPending && <p className="text-sm text-slate-500">Loading output…</p>}
        {q.isError && <Banner kind="error" title="Output unavailable">{q.error.message}</Banner>}
        {o && (
          <>
            {!ended && <p className="text-xs text-slate-500">{OUTCOMES[node.outcome].help} Refreshing every 5 s.</p>}
            <Stream label="stdout" text={o.stdout} truncated={o.stdoutTruncated} limit="24,000" url={o.stdoutUrl} />
            {(o.stderr || o.stderrTruncated || o.stderrUrl) && <Stream label="stderr" text={o.stderr} truncated={o.stderrTruncated} limit="8,000" url={o.stderrUrl} />}
            {o.cloudWatch && (
              <p className="text-xs text-slate-600">
                CloudWatch Logs: <span className="font-mono">{o.cloudWatch.logGroup}</span> /{' '}
                <a className="text-sky-700 hover:underline" href={o.cloudWatch.consoleUrl} target="_blank" rel="noreferrer">{o.cloudWatch.stdoutStream} ↗</a>
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function Stream({ label, text, truncated, limit, url }: { label: string; text: string; truncated: boolean; limit: string; url: string | null }) {
  const s3 = url ? s3ConsoleUrl(url) : null;
  return (
    <div>
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-semibold uppercase text-slate-600">{label}</span>
        <span className="text-slate-500">{text.length.toLocaleString('en-US')} characters</span>
        {truncated && (
          <span data-testid={`${label}-truncated`} className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">
            Cut by AWS at {limit} characters{url ? ': all of it is in S3' : ': send output to S3 or CloudWatch Logs for all of it'}
          </span>
        )}
        {url && <a data-testid={`${label}-s3`} className="text-sky-700 hover:underline" href={s3 ?? url} target="_blank" rel="noreferrer">S3 object ↗</a>}
        <span className="ml-auto"><CopyButton text={text} label="Copy" /></span>
      </div>
      <pre tabIndex={0} className={`fixed-palette max-h-96 overflow-auto rounded p-3 font-mono text-xs whitespace-pre-wrap ${label === 'stderr' ? 'bg-red-950 text-red-100' : 'bg-slate-900 text-slate-100'}`}>{text || '(empty)'}</pre>
    </div>
  );
}
