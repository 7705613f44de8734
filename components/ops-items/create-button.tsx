'use client';
import { useState } from 'react';
import type { CreatePreset } from './create-draft';
import { CreateOpsItemDialog } from './create-dialog';

/** A button that opens the create form with a preset (from the list, a node, a triage group). */
export function CreateOpsItemButton({ preset, children, className, testId, title }: { preset: () => CreatePreset; children: React.ReactNode; className?: string; testId?: string; title?: string }) {
  const [open, setOpen] = useState<CreatePreset | null>(null);
  return (
    <>
      <button type="button" data-testid={testId} title={title} onClick={() => setOpen(preset())} className={className ?? 'h-8 rounded bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800'}>
        {children}
      </button>
      {open && <CreateOpsItemDialog preset={open} onClose={() => setOpen(null)} />}
    </>
  );
}
