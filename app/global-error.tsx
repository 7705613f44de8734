'use client';

/** Last resort when the root layout itself fails: a plain page of our own instead of the framework's. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <h1 style={{ fontSize: '1.25rem' }}>SSM Fleet could not be shown</h1>
        <p>Something went wrong while loading the dashboard{error.digest ? ` (reference ${error.digest} in the server log)` : ''}.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
