'use client';
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'ssm-fleet:auto-refresh';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

/** Auto-refresh on or off, remembered in this browser (on by default: the dashboard stays open all day). */
export function useAutoRefresh(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    read,
    () => true,
  );
  const set = useCallback((v: boolean) => {
    try {
      window.localStorage.setItem(KEY, v ? 'on' : 'off');
    } catch {
      /* private mode: keep the default */
    }
    listeners.forEach((l) => l());
  }, []);
  return [on, set];
}

export const AUTO_REFRESH_MS = 30_000;

/** While regions show the copy saved before a restart, poll every 2 s so the fresh read appears as soon as it lands. */
export const RESTORED_REFETCH_MS = 2_000;

/** The refetch interval of a page fed by the fleet: fast while it is restored, else the auto-refresh setting. */
export function fleetRefetchInterval(auto: boolean, regions: readonly { restored?: boolean }[] | undefined): number | false {
  if (regions?.some((r) => r.restored)) return RESTORED_REFETCH_MS;
  return auto ? AUTO_REFRESH_MS : false;
}
