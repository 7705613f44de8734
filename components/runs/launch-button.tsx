'use client';
import { useState } from 'react';
import { RunLauncher, type LaunchSpec } from './run-launcher';

/** A button that opens the run launcher with a preset (document, targets, parameters). */
export function LaunchButton({ spec, children, className, testId, disabled, title }: { spec: LaunchSpec | (() => LaunchSpec); children: React.ReactNode; className?: string; testId?: string; disabled?: boolean; title?: string }) {
  const [open, setOpen] = useState<LaunchSpec | null>(null);
  return (
    <>
      <button type="button" data-testid={testId} disabled={disabled} title={title} onClick={() => setOpen(typeof spec === 'function' ? spec() : spec)} className={className ?? 'rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50'}>
        {children}
      </button>
      {open && <RunLauncher spec={open} onClose={() => setOpen(null)} />}
    </>
  );
}
