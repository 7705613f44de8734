import type { Metadata } from 'next';
import { decodeSegment } from '@/lib/contracts/segment';
import { notFound } from 'next/navigation';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { getQueryClient } from '@/lib/query/query-client';
import { fleetKeys } from '@/lib/query/keys';
import { getNodeDetail } from '@/lib/fleet/fleet';
import { NodeIdSchema } from '@/lib/contracts/node';
import { Banner } from '@/components/ui/banner';
import { NodeDetailView } from './node-detail-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function NodePage({ params }: Props) {
  const raw = decodeSegment((await params).id);
  const id = NodeIdSchema.safeParse(raw);
  if (!id.success) {
    return (
      <div className="mx-auto max-w-3xl">
        <Banner kind="error" title={`“${raw}” is not a node ID`}>
          Node IDs look like <code>i-0123456789abcdef0</code> (EC2) or <code>mi-0123456789abcdef0</code> (hybrid).
        </Banner>
      </div>
    );
  }
  const qc = getQueryClient();
  const detail = await getNodeDetail(id.data);
  if (!detail) notFound();
  qc.setQueryData(fleetKeys.node(id.data), detail);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <NodeDetailView id={id.data} />
    </HydrationBoundary>
  );
}
