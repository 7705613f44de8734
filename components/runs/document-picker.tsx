'use client';
import { useDeferredValue, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { documentsQuery } from '@/lib/query/actions';
import { PLATFORM_TYPES, type DocumentSummary } from '@/lib/contracts/documents';
import { Banner } from '@/components/ui/banner';

const field = 'h-8 rounded border border-slate-300 bg-white px-2 text-sm';

/** AWS-owned and the account's own Command documents, searchable, with platforms, owner and version. */
export function DocumentPicker({ value, onPick }: { value: string | null; onPick: (name: string) => void }) {
  const [q, setQ] = useState('');
  const [platform, setPlatform] = useState('');
  const [owner, setOwner] = useState('all');
  const query = new URLSearchParams({ ...(platform ? { platform } : {}), ...(owner !== 'all' ? { owner } : {}) }).toString();
  const docs = useQuery(documentsQuery(query));
  const text = useDeferredValue(q.trim().toLowerCase());
  const shown = (docs.data?.documents ?? []).filter((d) => !text || d.name.toLowerCase().includes(text));
  return (
    <div className="space-y-2" data-testid="document-picker">
      <div className="flex flex-wrap gap-2">
        <input type="search" aria-label="Search documents" placeholder="Search documents, e.g. RunShellScript" value={q} onChange={(e) => setQ(e.target.value)} className={`${field} w-72`} autoFocus />
        <select aria-label="Platform" value={platform} onChange={(e) => setPlatform(e.target.value)} className={field}>
          <option value="">Any platform</option>
          {PLATFORM_TYPES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
        <select aria-label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} className={field}>
          <option value="all">AWS and this account</option>
          <option value="aws">Owned by AWS</option>
          <option value="account">Owned by this account</option>
        </select>
      </div>
      {docs.isError && <Banner kind="error" title="Documents unavailable">{docs.error.message}</Banner>}
      {docs.data?.errors.map((e) => <Banner key={e.region} kind="warning" title={`Documents of ${e.region} could not be read: the list may lack its account documents`}>{e.code}: {e.message}</Banner>)}
      <ul role="listbox" aria-label="Documents" className="max-h-64 divide-y divide-slate-100 overflow-auto rounded border border-slate-200">
        {docs.isPending && <li className="p-3 text-sm text-slate-500">Loading documents…</li>}
        {shown.map((d) => <DocumentOption key={d.name} d={d} selected={d.name === value} onPick={onPick} />)}
        {docs.data && shown.length === 0 && <li className="p-3 text-sm text-slate-500">No Command document matches.</li>}
      </ul>
      {docs.data && <p className="text-xs text-slate-500">{shown.length} of {docs.data.documents.length} Command documents</p>}
    </div>
  );
}

function DocumentOption({ d, selected, onPick }: { d: DocumentSummary; selected: boolean; onPick: (name: string) => void }) {
  return (
    <li role="option" aria-selected={selected}>
      <button type="button" onClick={() => onPick(d.name)} className={`flex w-full items-center gap-3 px-3 py-1.5 text-left text-sm hover:bg-sky-50 ${selected ? 'bg-sky-100' : ''}`}>
        <span className="flex-1 truncate font-medium">{d.name}</span>
        <span className="text-xs text-slate-500">{d.platformTypes.join(', ') || 'any platform'}</span>
        <span className={`rounded px-1.5 text-xs ${d.ownedBy === 'account' ? 'bg-violet-50 text-violet-800' : 'bg-slate-100 text-slate-600'}`}>{d.ownedBy === 'aws' ? 'AWS' : d.ownedBy === 'account' ? 'this account' : d.owner}</span>
        <span className="w-10 text-right text-xs tabular-nums text-slate-500">v{d.documentVersion ?? '?'}</span>
      </button>
    </li>
  );
}
