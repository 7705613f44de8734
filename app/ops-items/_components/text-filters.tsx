'use client';
import { useEffect, useState } from 'react';
import { OpsItemsViewSchema, type OpsItemsView } from '@/lib/contracts/ops-items';

type SetView = (patch: Partial<OpsItemsView>, mode?: 'push' | 'replace') => void;
const FIELD = 'h-8 rounded border bg-white px-2.5 text-sm placeholder:text-slate-400 focus:outline-none';

/** A text box ahead of the URL while typing; an outside change of the URL (a chip, Back) resets it. */
function useSynced(value: string) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  return [text, setText] as const;
}

/** Title contains: applied 300 ms after typing stops (the server filters; one request per pause, not per key). */
export function TitleFilter({ view, setView }: { view: OpsItemsView; setView: SetView }) {
  const [text, setText] = useSynced(view.title ?? '');
  useEffect(() => {
    if (text === (view.title ?? '')) return;
    const t = setTimeout(() => setView({ title: text.trim() || undefined }, 'replace'), 300);
    return () => clearTimeout(t);
  }, [text, view.title, setView]);
  return (
    <input type="search" aria-label="Title contains" placeholder="Title contains…" value={text} onChange={(e) => setText(e.target.value)} className={`${FIELD} w-56 border-slate-300 focus:border-sky-500`} />
  );
}

/** Related node: applied on Enter or leaving the box, once it is a node ID (the message says what is wrong otherwise). */
export function NodeFilter({ view, setView }: { view: OpsItemsView; setView: SetView }) {
  const [text, setText] = useSynced(view.node ?? '');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const v = text.trim();
    if (v === (view.node ?? '')) return setError(null);
    if (!v) return setView({ node: undefined });
    const r = OpsItemsViewSchema.shape.node.safeParse(v);
    if (!r.success) return setError(r.error.issues[0].message);
    setError(null);
    setView({ node: v });
  };
  return (
    <span className="relative">
      <input
        aria-label="Related node ID" aria-invalid={!!error} placeholder="Related node ID" value={text} title={error ?? 'OpsItems that name this node'}
        onChange={(e) => { setText(e.target.value); setError(null); }}
        onKeyDown={(e) => e.key === 'Enter' && apply()} onBlur={apply}
        className={`${FIELD} w-48 font-mono text-xs ${error ? 'border-red-400' : 'border-slate-300 focus:border-sky-500'}`}
      />
      {error && <span role="alert" className="absolute left-0 top-9 z-20 w-64 rounded bg-red-50 px-2 py-1 text-xs text-red-800 shadow ring-1 ring-red-200">{error}</span>}
    </span>
  );
}
