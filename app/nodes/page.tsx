import type { Metadata } from 'next';
import { NodesView } from './_components/nodes-view';
import { parseNodeView } from '@/lib/contracts/node-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Nodes' };

/**
 * The fleet table. The view lives in the URL; the server validates it with the same schema as /api/nodes so a
 * broken shared link says what is wrong. The fleet itself is fetched by the browser once and filtered there
 * (instant for 10,000 rows) rather than embedded in the HTML.
 */
export default async function NodesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseNodeView(await searchParams);
  const problem = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.') || 'view'}: ${i.message}`).join('; ');
  return <NodesView linkProblem={problem} />;
}
