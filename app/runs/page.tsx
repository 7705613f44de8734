import type { Metadata } from 'next';
import { RunsList } from './runs-list';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Runs' };

export default function RunsPage() {
  return <RunsList />;
}
