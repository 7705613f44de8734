import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CommandsView } from './commands-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Command history' };

export default function CommandsPage() {
  return (
    <Suspense>
      <CommandsView />
    </Suspense>
  );
}
