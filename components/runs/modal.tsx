'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * A dialog over the page, on the browser's own modal `<dialog>`: the page behind is inert, focus moves in (to the
 * first field, else the dialog), Tab stays inside, and focus returns to what had it when the dialog closes. Escape,
 * the backdrop and ✕ close it, unless `busy`; when `dirty` (a form with something typed in it) they first ask whether
 * to discard it, so a stray click or key does not throw work away.
 */
export function Modal({ title, onClose, busy = false, dirty = false, children, wide = false }: {
  title: string; onClose: () => void; busy?: boolean; dirty?: boolean; children: React.ReactNode; wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState(false);
  const latest = useRef({ onClose, busy, dirty });
  useEffect(() => {
    latest.current = { onClose, busy, dirty };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus], input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled])');
    (first ?? dialog).focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  /** A request to close: discarded work is asked about first. */
  const requestClose = () => {
    const { onClose: close, busy: isBusy, dirty: isDirty } = latest.current;
    if (isBusy) return;
    if (isDirty) setAsking(true);
    else close();
  };

  return (
    <dialog
      ref={ref}
      aria-label={title}
      aria-modal="true"
      tabIndex={-1}
      onCancel={(e) => {
        // Escape: the browser would close the dialog itself; the owner decides (unmounting closes it).
        e.preventDefault();
        if (asking) setAsking(false);
        else requestClose();
      }}
      onMouseDown={(e) => e.target === e.currentTarget && requestClose()}
      className="m-0 h-full max-h-none w-full max-w-none overflow-y-auto bg-transparent p-6 backdrop:bg-black/50 focus:outline-none"
    >
      <div className={`mx-auto w-full ${wide ? 'max-w-5xl' : 'max-w-2xl'} rounded-lg bg-white text-slate-900 shadow-xl ring-1 ring-slate-200`} onMouseDown={(e) => e.stopPropagation()}>
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 className="text-base font-semibold">{title}</h2>
          <button type="button" onClick={requestClose} disabled={busy} className="text-slate-500 hover:text-slate-700" aria-label="Close">✕</button>
        </div>
        {asking && (
          <div role="alertdialog" aria-label="Discard what you typed?" className="flex flex-wrap items-center gap-3 border-b border-amber-200 bg-amber-50 px-5 py-2 text-sm text-amber-900">
            <span className="font-medium">Discard what you typed?</span>
            <button type="button" autoFocus onClick={() => setAsking(false)} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700 hover:bg-slate-50">Keep editing</button>
            <button type="button" onClick={() => latest.current.onClose()} className="rounded bg-amber-700 px-2 py-0.5 font-medium text-white hover:bg-amber-800">Discard</button>
          </div>
        )}
        <div className="px-5 py-4">{children}</div>
      </div>
    </dialog>
  );
}
