'use client';
import { useEffect } from 'react';
import { Banner } from '@/components/ui/banner';

/** A page that fails while rendering shows this inside the layout, never a raw 500; the details go to the server log. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-3xl" data-testid="page-error">
      <Banner kind="error" title="This page could not be shown">
        Something went wrong while loading it{error.digest ? ` (reference ${error.digest} in the server log)` : ''}.{' '}
        <button type="button" onClick={reset} className="font-medium underline">
          Try again
        </button>
      </Banner>
    </div>
  );
}
