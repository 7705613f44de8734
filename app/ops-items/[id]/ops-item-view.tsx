'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { opsItemQuery } from '@/lib/query/ops-items';
import { opsItemsHref } from '@/lib/contracts/ops-items';
import { ApiRequestError } from '@/lib/contracts/errors';
import { Banner } from '@/components/ui/banner';
import { OpsStatusBadge, SeverityBadge } from '@/components/ops-items/badges';
import { useCanAct } from '@/components/ops-items/use-can-act';
import { OpsItemFacts } from './facts';
import { Description } from './description';
import { OpsData } from './ops-data';
import { RelatedResources } from './related-resources';
import { StatusActions } from './status-actions';
import { EditDetails } from './edit-details';
import { Card } from './card';
import { Breadcrumb } from '@/components/ui/breadcrumb';

/** One OpsItem: what it is, its data, the nodes it names (as they are now), and the edits an operator makes. */
export function OpsItemView({ id }: { id: string }) {
  const q = useQuery(opsItemQuery(id));
  const act = useCanAct();
  if (q.isPending) return <p className="text-sm text-slate-500">Loading {id}…</p>;
  if (q.isError) {
    const status = q.error instanceof ApiRequestError ? q.error.status : 0;
    return (
      <div className="mx-auto max-w-3xl space-y-2">
        <Banner kind="error" title={status === 404 ? `No OpsItem ${id}` : status === 400 ? `“${id}” is not an OpsItem ID` : `Could not load ${id}`}>
          {status === 404 ? 'OpsCenter has no OpsItem with this ID in any region the dashboard reads.' : q.error.message}
        </Banner>
        <Link href={opsItemsHref()} className="text-sm text-sky-700 hover:underline">All open OpsItems</Link>
      </div>
    );
  }
  const d = q.data;
  const it = d.item;
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Breadcrumb href={opsItemsHref()} label="OpsItems" current={it.id} />
      <header className="space-y-1">
        <h1 className="text-xl font-semibold break-words" data-testid="ops-item-title">{it.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span data-testid="ops-item-status"><OpsStatusBadge status={it.status} /></span>
          <SeverityBadge severity={it.severity} />
          <span className="font-mono">{it.id}</span> · {it.region}
        </p>
      </header>
      {!act.canAct && !act.loading && <Banner kind="info" title="You cannot change this OpsItem">{act.refusal}</Banner>}
      <StatusActions detail={d} canAct={act.canAct} refusal={act.refusal} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-4">
          <Card title="Description"><Description text={it.description} /></Card>
          <RelatedResources detail={d} canAct={act.canAct} refusal={act.refusal} />
          <OpsData detail={d} canAct={act.canAct} refusal={act.refusal} />
        </div>
        <div className="min-w-0 space-y-4">
          <OpsItemFacts item={it} />
          <EditDetails key={`${it.version}|${it.modifiedAt}`} detail={d} canAct={act.canAct} refusal={act.refusal} />
        </div>
      </div>
    </div>
  );
}
