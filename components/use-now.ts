'use client';
import { useEffect, useState } from 'react';

/**
 * Until the first page has hydrated, "now" is the time the server rendered it (the layout's `render-time` meta): the
 * browser then renders the same "2m ago" texts the server sent, and React finds no mismatch. Afterwards it is the
 * clock.
 */
let hydrated = false;

function initialNow(): number {
  if (hydrated || typeof document === 'undefined') return Date.now();
  const t = Number(document.querySelector('meta[name="render-time"]')?.getAttribute('content'));
  return Number.isFinite(t) && t > 0 ? t : Date.now();
}

/** The current time, re-read every `everyMs`; keep its users small so the tick re-renders little. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(initialNow);
  useEffect(() => {
    // The server's time is a moment old: the next tick catches up, with no extra render (which would redraw charts
    // and take focus from a chart's link) right after hydration.
    hydrated = true;
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
