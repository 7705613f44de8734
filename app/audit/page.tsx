import type { Metadata } from 'next';
import { AuditView } from './audit-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  return <AuditView />;
}
