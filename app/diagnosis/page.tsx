import type { Metadata } from 'next';
import { DiagnosisView } from './_components/diagnosis-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Why not managed' };

/** The unmanaged and disconnected nodes of the fleet, grouped by their top cause, each group with its fix. */
export default function DiagnosisPage() {
  return <DiagnosisView />;
}
