import type { Metadata } from 'next';
import { Suspense } from 'react';
import { parseOpsItemsView } from '@/lib/contracts/ops-items';
import { OpsItemsView } from './_components/ops-items-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'OpsItems' };

/**
 * OpsCenter's OpsItems across every region. The view (filters, sort) lives in the URL, checked with the same schema
 * as /api/ops-items so a broken shared link says what is wrong; the browser reads the list for the view.
 */
export default async function OpsItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseOpsItemsView(await searchParams);
  const problem = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join('.') || 'view'}: ${i.message}`).join('; ');
  return (
    <Suspense>
      <OpsItemsView linkProblem={problem} />
    </Suspense>
  );
}
