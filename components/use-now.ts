'use client';
import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`; keep its users small so the tick re-renders little. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
