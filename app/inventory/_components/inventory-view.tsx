'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { catalogQuery, softwareSearchQuery } from '@/lib/query/inventory';
import {
  softwareFilterString,
  type CatalogApp,
  type CatalogResponse,
  type CountRow,
  type InventoryRegionStatus,
  type SoftwareMatch,
  type SoftwareSearchResponse,
} from '@/lib/contracts/inventory';
import { OP_SYMBOL, VERSION_OPS, compareVersions, type VersionOp } from '@/lib/contracts/version-order';
import { nodesHref, parseNodeView, type NodeView } from '@/lib/contracts/node-view';
import type { PingStatus } from '@/lib/contracts/node';
import { toCsv } from '@/lib/contracts/csv';
import { formatNumber } from '@/lib/format';
import { Banner } from '@/components/ui/banner';
import { Badge } from '@/components/ui/badge';
import { PingBadge } from '@/components/fleet/ping-badge';
import { downloadText } from '@/components/ui/export-csv';
import { DataTable, type ColumnDef } from '@/components/data-table/data-table';

const field = 'h-8 rounded border border-slate-300 bg-white px-2 text-sm';
const VIEW_KEYS = ['q', 'ping', 'platform', 'region', 'tag', 'patch', 'agent', 'ops', 'pgroup', 'os', 'agentv', 'ami'];
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Software across the fleet: the catalog of what is installed, and "which nodes have X older than Y?". */
export function InventoryView() {
  const params = useSearchParams();
  const router = useRouter();
  const viewQuery = new URLSearchParams([...params].filter(([k]) => VIEW_KEYS.includes(k))).toString();
  const view = parseNodeView(new URLSearchParams(viewQuery));
  const name = params.get('name') ?? '';
  const match = params.get('match') === 'prefix' ? 'prefix' : 'exact';
  const version = params.get('version') ?? '';

  const go = (next: { name?: string; match?: string; version?: string }) => {
    const p = new URLSearchParams(viewQuery);
    if (next.name) p.set('name', next.name);
    if (next.name && next.match === 'prefix') p.set('match', 'prefix');
    if (next.name && next.version) p.set('version', next.version);
    router.push(`/inventory${p.size ? `?${p}` : ''}`);
  };

  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <div>
        <h1 className="text-lg font-semibold">Software inventory</h1>
        <p className="text-sm text-slate-600">
          What is installed where, read live from SSM Inventory. Versions are ordered as each packaging system orders them (RPM, Debian, Windows), not as text.
        </p>
      </div>
      <SearchForm key={`${name}|${match}|${version}`} name={name} match={match} version={version} onSearch={go} />
      {view.success && viewQuery && <ViewChips view={view.data} query={viewQuery} />}
      {!view.success && <Banner kind="error" title="These filters are not a nodes view">{view.error.issues.map((i) => i.message).join('; ')}</Banner>}
      {name ? (
        <SearchResults query={new URLSearchParams([...params].filter(([k]) => [...VIEW_KEYS, 'name', 'match', 'version'].includes(k))).toString()} viewQuery={viewQuery} />
      ) : (
        <Catalog query={viewQuery} onPick={(n) => go({ name: n })} />
      )}
    </div>
  );
}

function SearchForm(p: { name: string; match: string; version: string; onSearch: (q: { name: string; match: string; version: string }) => void }) {
  const [name, setName] = useState(p.name);
  const [match, setMatch] = useState(p.match);
  const initialOp = p.version.slice(0, p.version.indexOf(':'));
  const [op, setOp] = useState<VersionOp | ''>((VERSION_OPS as readonly string[]).includes(initialOp) ? (initialOp as VersionOp) : '');
  const [ver, setVer] = useState(p.version.slice(p.version.indexOf(':') + 1));
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm"
      data-testid="software-search"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSearch({ name: name.trim(), match, version: op && ver.trim() ? `${op}:${ver.trim()}` : '' });
      }}
    >
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600">Software</span>
        <input aria-label="Software name" className={`${field} w-64`} placeholder="e.g. openssl, log4j, curl" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600">Name</span>
        <select aria-label="Name match" className={field} value={match} onChange={(e) => setMatch(e.target.value)}>
          <option value="exact">is exactly</option>
          <option value="prefix">starts with</option>
        </select>
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600">Version</span>
        <select aria-label="Version operator" className={field} value={op} onChange={(e) => setOp(e.target.value as VersionOp | '')}>
          <option value="">any version</option>
          {VERSION_OPS.map((o) => (
            <option key={o} value={o}>
              {OP_SYMBOL[o]} {o === 'lt' ? 'older than' : o === 'le' ? 'at most' : o === 'eq' ? 'exactly' : o === 'ge' ? 'at least' : 'newer than'}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600">&nbsp;</span>
        <input aria-label="Version" className={`${field} w-48 font-mono`} placeholder="3.0.13" value={ver} disabled={!op} onChange={(e) => setVer(e.target.value)} />
      </label>
      <button type="submit" className="h-8 rounded bg-slate-800 px-3 font-medium text-white hover:bg-slate-700 disabled:opacity-50" disabled={!name.trim()}>
        Search
      </button>
      <p className="basis-full text-xs text-slate-500">
        A version without an epoch or release (3.0.13) compares only the upstream version; give the full one (1:3.0.8-1.amzn2023.0.16, 3.0.2-0ubuntu1.18) to compare distribution builds, which carry backported fixes.
      </p>
    </form>
  );
}

function ViewChips({ view, query }: { view: NodeView; query: string }) {
  const chips = [
    ...view.platform.map((v) => `platform ${v}`),
    ...view.region.map((v) => `region ${v}`),
    ...view.ping.map((v) => `ping ${v}`),
    ...view.tag.map((t) => `tag ${t.negate ? `!${t.key}` : `${t.key}=${t.value ?? '*'}`}`),
    ...view.patch.map((v) => `patch ${v}`),
    ...view.agent.map((v) => `agent ${v}`),
    ...view.ops.map((v) => `OpsItems ${v}`),
    ...view.pgroup.map((v) => `patch group ${v}`),
    ...view.os.map((v) => `OS ${v}`),
    ...view.agentv.map((v) => `agent ${v}`),
    ...(view.ami.length ? [`${view.ami.length} AMI${view.ami.length === 1 ? '' : 's'}`] : []),
    ...(view.q ? [`search "${view.q}"`] : []),
  ];
  return (
    <p className="flex flex-wrap items-center gap-1 text-xs text-slate-600" data-testid="inventory-view-filters">
      Nodes view filters:
      {chips.map((c) => (
        <span key={c} className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-900">{c}</span>
      ))}
      <Link className="text-sky-700 hover:underline" href={`/nodes?${query}`}>
        open in nodes
      </Link>
    </p>
  );
}

function RegionProblems({ regions, partial }: { regions: InventoryRegionStatus[]; partial: boolean }) {
  if (!partial) return null;
  return (
    <Banner kind="warning" title="Incomplete: some inventory could not be read, so these figures are lower than the fleet's">
      <ul className="list-disc pl-5">
        {regions.flatMap((r) => r.errors.map((e, i) => <li key={`${r.region}-${i}`}>{r.region}: {e.source} — {e.code}: {e.message}</li>))}
      </ul>
    </Banner>
  );
}

// ---------------------------------------------------------------- search results

const matchColumns: ColumnDef<SoftwareMatch>[] = [
  {
    id: 'node',
    header: 'Node',
    size: 300,
    cell: ({ row: { original: m } }) => (
      <Link className="text-sky-700 hover:underline" href={`/nodes/${m.nodeId}`}>
        <span className="font-medium">{m.name ?? '—'}</span> <span className="font-mono text-xs text-slate-500">{m.nodeId}</span>
      </Link>
    ),
  },
  { id: 'software', header: 'Software', size: 220, cell: ({ row }) => row.original.software },
  { id: 'version', header: 'Version', size: 260, cell: ({ row }) => <span className="font-mono text-xs">{row.original.version}</span> },
  { id: 'platform', header: 'Platform', size: 220, cell: ({ row }) => row.original.platform ?? '—' },
  { id: 'region', header: 'Region', size: 130, cell: ({ row }) => row.original.region },
  {
    id: 'ping',
    header: 'Connectivity',
    size: 150,
    cell: ({ row: { original: m } }) => (m.inFleet && m.ping ? <PingBadge ping={m.ping as PingStatus} /> : <Badge tone="gray">not in fleet</Badge>),
  },
];

function sortMatches(rows: SoftwareMatch[], id: string, dir: 'asc' | 'desc'): SoftwareMatch[] {
  const sign = dir === 'asc' ? 1 : -1;
  const val = (m: SoftwareMatch) => (id === 'node' ? (m.name ?? m.nodeId) : id === 'software' ? m.software : id === 'platform' ? (m.platform ?? '') : id === 'region' ? m.region : (m.ping ?? ''));
  return [...rows].sort((a, b) => {
    const c = id === 'version' ? (a.family === b.family ? compareVersions(a.family, a.version, b.version) : collator.compare(a.family, b.family)) : collator.compare(val(a), val(b));
    return sign * c || collator.compare(a.nodeId, b.nodeId);
  });
}

function SearchResults({ query, viewQuery }: { query: string; viewQuery: string }) {
  const q = useQuery(softwareSearchQuery(query));
  const [sort, setSort] = useState<{ id: string; dir: 'asc' | 'desc' }>({ id: 'version', dir: 'asc' });
  const rows = useMemo(() => (q.data ? sortMatches(q.data.matches, sort.id, sort.dir) : []), [q.data, sort]);
  if (q.isPending) return <p className="text-sm text-slate-500" role="status">Searching every region&apos;s inventory…</p>;
  if (q.isError) return <Banner kind="error" title="Search failed">{q.error.message}</Banner>;
  const r = q.data;
  const sw = softwareFilterString({ name: r.query.name, match: r.query.match, version: r.query.version ?? undefined });
  const nodesLink = `/nodes?${new URLSearchParams([...new URLSearchParams(viewQuery), ['sw', sw]])}`;
  const withAny = r.versions.reduce((s, v) => s + v.nodes, 0);
  return (
    <div className="space-y-3">
      <RegionProblems regions={r.regions} partial={r.partial} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-base" data-testid="search-summary">
          <span className="text-2xl font-semibold tabular-nums">{formatNumber(r.nodes)}</span> node{r.nodes === 1 ? '' : 's'} with <span className="font-mono">{r.query.text}</span>
          {r.query.version && <span className="text-sm text-slate-600"> · {formatNumber(withAny)} installs of any version</span>}
        </p>
        <Link className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700" href={nodesLink} data-testid="open-in-nodes">
          Open these {formatNumber(r.nodes)} nodes in the nodes table →
        </Link>
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          onClick={() =>
            downloadText(
              `software-${r.query.name.replace(/[^\w.-]+/g, '_')}.csv`,
              toCsv(['Node ID', 'Name', 'Region', 'Platform', 'Connectivity', 'Software', 'Version', 'In fleet'], rows.map((m) => [m.nodeId, m.name, m.region, m.platform, m.ping, m.software, m.version, m.inFleet ? 'yes' : 'no'])),
            )
          }
        >
          Export CSV
        </button>
        <span className="text-xs text-slate-500">{r.regions.reduce((s, x) => s + x.calls, 0)} AWS calls{r.verified ? `, ${r.verified} nodes checked one by one` : ''}</span>
      </div>
      <VersionsTable r={r} />
      {r.notes.length > 0 && (
        <Banner kind="info" title="AWS's answers disagreed with its own counts">
          <ul className="list-disc pl-5">{r.notes.map((n) => <li key={n}>{n}</li>)}</ul>
        </Banner>
      )}
      <DataTable
        rows={rows}
        columns={matchColumns}
        getRowId={(m) => `${m.nodeId}|${m.software}|${m.version}`}
        testId="software-matches"
        rowTestId="software-match"
        sort={{ id: sort.id, dir: sort.dir, onSort: (id) => setSort((s) => ({ id, dir: s.id === id && s.dir === 'asc' ? 'desc' : 'asc' })) }}
        heightClass="h-[calc(100vh-24rem)] min-h-72"
        empty={r.versions.length ? 'No node has a matching version.' : `No node reports ${r.query.name} in its inventory.`}
      />
    </div>
  );
}

function VersionsTable({ r }: { r: SoftwareSearchResponse }) {
  if (!r.versions.length) return null;
  return (
    <div tabIndex={0} className="max-h-60 overflow-auto rounded-md border border-slate-200 bg-white" data-testid="search-versions">
      <table className="w-full text-sm">
        <thead className="sticky top-0 bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th className="px-3 py-1.5 font-medium">Software</th>
            <th className="px-3 py-1.5 font-medium">Version (newest first)</th>
            <th className="px-3 py-1.5 font-medium">Packaging</th>
            <th className="px-3 py-1.5 text-right font-medium">Nodes</th>
            <th className="px-3 py-1.5 font-medium">Matches</th>
          </tr>
        </thead>
        <tbody>
          {r.versions.map((v) => (
            <tr key={`${v.software}|${v.family}|${v.version}`} className={`border-t border-slate-100 ${v.matched ? 'bg-amber-50' : ''}`} data-testid="search-version" data-matched={v.matched}>
              <td className="px-3 py-1">{v.software}</td>
              <td className="px-3 py-1 font-mono text-xs">{v.version}</td>
              <td className="px-3 py-1 text-xs text-slate-600">{v.family === 'rpm' ? 'RPM' : v.family === 'deb' ? 'Debian' : v.family === 'windows' ? 'Windows' : 'semver'}</td>
              <td className="px-3 py-1 text-right tabular-nums">{formatNumber(v.nodes)}</td>
              <td className="px-3 py-1">{v.matched ? <Badge tone="amber">matches</Badge> : <span className="text-xs text-slate-500">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------- catalog

function Catalog({ query, onPick }: { query: string; onPick: (name: string) => void }) {
  const q = useQuery(catalogQuery(query));
  const [filter, setFilter] = useState('');
  const apps = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (q.data?.apps ?? []).filter((a) => !f || a.name.toLowerCase().includes(f));
  }, [q.data, filter]);
  const columns = useMemo(() => catalogColumns(onPick), [onPick]);
  if (q.isPending) return <p className="text-sm text-slate-500" role="status">Reading the fleet&apos;s inventory (GetInventory aggregators, every region)…</p>;
  if (q.isError) return <Banner kind="error" title="Inventory unavailable">{q.error.message}</Banner>;
  const c = q.data;
  return (
    <div className="space-y-3">
      <RegionProblems regions={c.regions} partial={c.partial} />
      <Facets c={c} />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <input aria-label="Filter software" className={`${field} w-64`} placeholder="Filter by name" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="text-slate-600" data-testid="catalog-count">
          {formatNumber(apps.length)} of {formatNumber(c.apps.length)} applications on {formatNumber(c.inventoriedNodes)} inventoried nodes
        </span>
        <span className="text-xs text-slate-500">{c.regions.reduce((s, x) => s + x.calls, 0)} AWS calls</span>
      </div>
      <DataTable rows={apps} columns={columns} getRowId={(a) => a.name} testId="software-catalog" rowTestId="catalog-app" heightClass="h-[calc(100vh-26rem)] min-h-72" empty="No application matches." />
    </div>
  );
}

function catalogColumns(onPick: (name: string) => void): ColumnDef<CatalogApp>[] {
  return [
    {
      id: 'name',
      header: 'Application',
      size: 320,
      cell: ({ row: { original: a } }) => (
        <button type="button" className="text-left text-sky-700 hover:underline" onClick={() => onPick(a.name)}>
          {a.name}
        </button>
      ),
    },
    { id: 'nodes', header: 'Installs', size: 90, cell: ({ row }) => <span className="tabular-nums">{formatNumber(row.original.nodes)}</span> },
    { id: 'count', header: 'Versions', size: 80, cell: ({ row }) => <span className="tabular-nums">{row.original.versions.length}</span> },
    {
      id: 'versions',
      header: 'Versions (newest first) with node counts',
      size: 760,
      cell: ({ row: { original: a } }) => (
        <span className="flex gap-1 overflow-hidden whitespace-nowrap">
          {a.versions.slice(0, 5).map((v) => (
            <span key={`${v.family}|${v.version}`} className="rounded bg-slate-100 px-1.5 font-mono text-xs" title={`${v.version}: ${v.nodes} nodes`}>
              {v.version} <span className="text-slate-500">×{formatNumber(v.nodes)}</span>
            </span>
          ))}
          {a.versions.length > 5 && <span className="text-xs text-slate-500">+{a.versions.length - 5} more</span>}
        </span>
      ),
    },
    { id: 'platforms', header: 'Platforms', size: 260, cell: ({ row }) => <span className="truncate text-xs text-slate-600">{row.original.platforms.join(', ')}</span> },
  ];
}

function Facets({ c }: { c: CatalogResponse }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="inventory-facets">
      <Facet title="OS name and version" rows={c.facets.os} source="SSM Inventory" link={(v) => nodesHref({ os: [v] })} />
      <Facet title="Kernel" rows={c.facets.kernel} source="kernel / linux-image packages" link={(v) => kernelHref(v)} />
      <Facet title="SSM Agent" rows={c.facets.agent} source="SSM Inventory" link={(v) => nodesHref({ agentv: [v] })} />
      <Facet title="Instance type" rows={c.facets.instanceType} source="EC2 (SSM Inventory does not record it)" link={(v) => nodesHref({ q: v })} />
    </div>
  );
}

/** The nodes running a kernel: the software filter on the kernel package of that version. */
function kernelHref(version: string): string {
  const name = /amzn|el\d/.test(version) ? 'kernel' : null;
  return name ? nodesHref({ sw: `${name}@eq:${version}` }) : nodesHref({ sw: `linux-image-*@eq:${version}` });
}

function Facet({ title, rows, source, link }: { title: string; rows: CountRow[]; source: string; link?: (value: string) => string }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, 6);
  const max = rows[0]?.nodes ?? 1;
  return (
    <section className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mb-1 text-[11px] text-slate-500">{source}</p>
      <ul className="space-y-0.5 text-xs">
        {shown.map((r) => (
          <li key={r.value} className="relative flex justify-between gap-2">
            <span className="absolute inset-y-0 left-0 rounded bg-sky-100" style={{ width: `${(r.nodes / max) * 100}%` }} aria-hidden />
            <span className="relative min-w-0 truncate">{link ? <Link className="hover:underline" href={link(r.value)}>{r.value}</Link> : r.value}</span>
            <span className="relative tabular-nums">{formatNumber(r.nodes)}</span>
          </li>
        ))}
        {rows.length === 0 && <li className="text-slate-500">None reported.</li>}
      </ul>
      {rows.length > 6 && (
        <button type="button" className="mt-1 text-xs text-sky-700 hover:underline" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  );
}
