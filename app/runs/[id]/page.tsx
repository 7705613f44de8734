import type { Metadata } from 'next';
import { decodeSegment } from '@/lib/contracts/segment';
import { RunView } from './run-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function RunPage({ params }: Props) {
  return <RunView id={decodeSegment((await params).id)} />;
}
