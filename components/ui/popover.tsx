'use client';
import { useEffect, useRef, useState } from 'react';

/** A button that opens a panel; closes on outside click or Escape. */
export function Popover({
  label,
  active = false,
  children,
  align = 'left',
  testId,
}: {
  label: React.ReactNode;
  active?: boolean;
  children: React.ReactNode;
  align?: 'left' | 'right';
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        data-testid={testId}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className={`inline-flex h-8 items-center gap-1 rounded border px-2.5 text-sm whitespace-nowrap ${
          active ? 'border-sky-500 bg-sky-50 text-sky-900' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'
        }`}
      >
        {label}
        <span aria-hidden className="text-slate-400">▾</span>
      </button>
      {open && (
        <div
          role="dialog"
          className={`absolute z-30 mt-1 max-h-96 min-w-56 overflow-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {children}
        </div>
      )}
    </div>
  );
}
