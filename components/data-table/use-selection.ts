'use client';
import { useState } from 'react';

/** A set of selected row IDs and the `onSelect` a DataTable takes (add or remove many at once). */
export function useSelection(): { selected: Set<string>; setSelected: (s: Set<string>) => void; select: (ids: string[], on: boolean) => void } {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return { selected, setSelected, select };
}
