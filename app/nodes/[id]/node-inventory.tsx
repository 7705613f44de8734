'use client';
import { useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchNodeInventoryPage, inventoryKeys } from '@/lib/query/inventory';
import type { NodeInventoryPage } from '@/lib/contracts/inventory';
import { compareVersions, familyOf } from '@/lib/contracts/version-order';
import type { NodeRow } from '@/lib/contracts/node';
import { formatAge, formatDateTime, formatNumber } from '@/lib/format';
import { useNow } from '@/components/use-now';
import { Banner } from '@/components/ui/banner';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';

/** Columns worth showing first for AWS's types; others show their first attributes. */
const PREFERRED: Record<string, string[]> = {
  'AWS:Application': ['Name', 'Version', 'Release', 'Publisher', 'Architecture', 'InstalledTime'],
  'AWS:Network': ['Name', 'IPV4', 'IPV6', 'MacAddress', 'Gateway', 'DNSServer', 'SubnetMask', 'DHCPServer'],
  'AWS:InstanceDetailedInformation': ['CPUModel', 'CPUs', 'CPUCores', 'CPUSockets', 'CPUSpeedMHz', 'CPUHyperThreadEnabled', 'OSServicePack'],
  'AWS:InstanceInformation': ['ComputerName', 'PlatformName', 'PlatformVersion', 'AgentVersion', 'IpAddress', 'InstanceStatus'],
  'AWS:WindowsUpdate': ['HotFixId', 'Description', 'InstalledTime', 'InstalledBy'],
  'AWS:Service': ['Name', 'DisplayName', 'Status', 'StartType', 'ServiceType'],
};
const LABEL: Record<string, string> = {
  'AWS:Application': 'Applications',
  'AWS:Network': 'Network',
  'AWS:InstanceDetailedInformation': 'Instance details',
  'AWS:InstanceInformation': 'Instance information',
  'AWS:WindowsUpdate': 'Windows updates',
  'AWS:Service': 'Services',
  'AWS:AWSComponent': 'AWS components',
  'AWS:WindowsRole': 'Windows roles',
  'AWS:File': 'Files',
  'AWS:Tag': 'Tags',
};
const MAIN_TYPES = ['AWS:Application', 'AWS:Network', 'AWS:InstanceDetailedInformation', 'AWS:WindowsUpdate', 'AWS:Service'];
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

type Entry = Record<string, string>;

/** The node's SSM Inventory by type, read 50 entries a call as AWS pages it; searchable and sortable. */
export function NodeInventory({ node }: { node: NodeRow }) {
  const [type, setType] = useState('AWS:Application');
  const q = useInfiniteQuery({
    queryKey: inventoryKeys.node(node.id, type),
    queryFn: ({ pageParam }) => fetchNodeInventoryPage(node.id, type, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: NodeInventoryPage) => last.next,
    staleTime: 5 * 60_000,
  });
  // Read every page: an engineer searching "openssl" must not miss page 7. Progress is shown while it runs.
  useEffect(() => {
    if (q.hasNextPage && !q.isFetchingNextPage && !q.isError) void q.fetchNextPage();
  }, [q]);

  const first = q.data?.pages[0];
  const entries = useMemo(() => q.data?.pages.flatMap((p) => p.entries) ?? [], [q.data]);
  const types = first?.types.length ? first.types.map((t) => t.typeName) : MAIN_TYPES;
  const tabs = [...MAIN_TYPES.filter((t) => types.includes(t)), ...types.filter((t) => !MAIN_TYPES.includes(t))];

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="node-inventory">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">Inventory</h2>
        <CaptureTime page={first} loading={q.isPending} />
      </div>
      <div role="tablist" aria-label="Inventory type" className="mb-2 flex flex-wrap gap-1 text-sm">
        {tabs.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={t === type}
            onClick={() => setType(t)}
            className={`rounded px-2 py-1 ${t === type ? 'bg-slate-800 text-white' : 'bg-slate-100 text-slate-700 hover:bg-slate-200'}`}
          >
            {LABEL[t] ?? t}
          </button>
        ))}
      </div>
      {q.isError && <Banner kind="error" title={`${LABEL[type] ?? type} unavailable`}>{q.error.message}</Banner>}
      {q.isPending && <p className="text-sm text-slate-500">Reading {LABEL[type] ?? type}…</p>}
      {first?.none && (
        <Banner kind="info" title={`This node reports no ${LABEL[type]?.toLowerCase() ?? type}`}>
          <span data-testid="inventory-none" data-reason={first.none.reason}>{first.none.detail}</span>
        </Banner>
      )}
      {q.data && entries.length > 0 && <EntriesTable key={type} type={type} node={node} entries={entries} loading={q.hasNextPage || q.isFetchingNextPage} pages={q.data.pages.length} />}
    </section>
  );
}

function CaptureTime({ page, loading }: { page: NodeInventoryPage | undefined; loading: boolean }) {
  const now = useNow(60_000);
  if (loading || !page) return null;
  if (!page.captureTime) return <span className="text-xs text-slate-500">never captured</span>;
  return (
    <span className="text-xs text-slate-500" title={formatDateTime(page.captureTime)} data-testid="inventory-captured">
      captured {formatAge(page.captureTime, now)} by the SSM Agent
    </span>
  );
}

function EntriesTable({ type, node, entries, loading, pages }: { type: string; node: NodeRow; entries: Entry[]; loading: boolean; pages: number }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ id: string; dir: 'asc' | 'desc' }>({ id: PREFERRED[type]?.[0] ?? Object.keys(entries[0] ?? {})[0] ?? 'Name', dir: 'asc' });
  const keys = useMemo(() => {
    const seen = new Set<string>();
    for (const e of entries.slice(0, 200)) for (const k of Object.keys(e)) seen.add(k);
    const preferred = (PREFERRED[type] ?? []).filter((k) => seen.has(k));
    return [...preferred, ...[...seen].filter((k) => !preferred.includes(k))].slice(0, 8);
  }, [entries, type]);
  const family = familyOf(node.platformType, node.platformName);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const kept = f ? entries.filter((e) => Object.values(e).some((v) => v.toLowerCase().includes(f))) : entries;
    const sign = sort.dir === 'asc' ? 1 : -1;
    const cmp = sort.id === 'Version' ? (a: string, b: string) => compareVersions(family, a, b) : (a: string, b: string) => collator.compare(a, b);
    return [...kept].sort((a, b) => sign * cmp(a[sort.id] ?? '', b[sort.id] ?? ''));
  }, [entries, filter, sort, family]);
  const columns = useMemo<ColumnDef<Entry>[]>(
    () => keys.map((k) => ({ id: k, header: k, size: k === 'Name' || k === 'Description' || k === 'DisplayName' ? 300 : 160, cell: ({ row }) => <span className={k === 'Version' || k === 'Release' ? 'font-mono text-xs' : ''} title={row.original[k]}>{row.original[k] ?? ''}</span> })),
    [keys],
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <input type="search" aria-label="Search inventory" placeholder="Search name, version, publisher…" value={filter} onChange={(e) => setFilter(e.target.value)} className="h-8 w-72 rounded border border-slate-300 bg-white px-2 text-sm" />
        <span className="text-slate-600" data-testid="inventory-count">
          {formatNumber(rows.length)} of {formatNumber(entries.length)} entries
          {loading ? ` · reading page ${pages + 1} (50 entries a call)…` : ` · ${pages} page${pages === 1 ? '' : 's'} of 50`}
        </span>
      </div>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(e) => Object.values(e).join('|')}
        testId="inventory-entries"
        rowTestId="inventory-entry"
        sort={{ id: sort.id, dir: sort.dir, onSort: (id) => setSort((s) => ({ id, dir: s.id === id && s.dir === 'asc' ? 'desc' : 'asc' })) }}
        heightClass="h-96"
        empty="No entry matches."
      />
    </div>
  );
}
