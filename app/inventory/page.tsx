import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InventoryView } from './_components/inventory-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Software inventory' };

export default function InventoryPage() {
  return (
    <Suspense>
      <InventoryView />
    </Suspense>
  );
}
