import type { Metadata } from 'next';
import { RunView } from './run-view';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/**
 * Next.js 16 hands the page its params still percent-encoded ("%25") but generateMetadata its params decoded ("%"):
 * the page decodes once (keeping the text as is if it is not valid encoding), metadata uses its value as given.
 */
function segment(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).id };
}

export default async function RunPage({ params }: Props) {
  return <RunView id={segment((await params).id)} />;
}
