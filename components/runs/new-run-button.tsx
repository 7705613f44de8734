'use client';
import { useState } from 'react';
import type { RunTargets } from '@/lib/contracts/patch-run';
import { Modal } from './modal';
import { PatchRunDialog } from './patch-run-dialog';

const field = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm';

/** Start a patch run on a tag (key=value) or a patch group; selections start from the Nodes page. */
export function NewRunButton() {
  const [step, setStep] = useState<'closed' | 'targets' | 'run'>('closed');
  const [mode, setMode] = useState<'tag' | 'patchGroup'>('tag');
  const [key, setKey] = useState('Environment');
  const [value, setValue] = useState('');
  const [group, setGroup] = useState('');
  const targets: RunTargets = mode === 'tag' ? { mode, key: key.trim(), value: value.trim() } : { mode, patchGroup: group.trim() };
  const ready = mode === 'tag' ? key.trim() && value.trim() : group.trim();
  return (
    <>
      <button type="button" onClick={() => setStep('targets')} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        New patch run…
      </button>
      {step === 'targets' && (
        <Modal title="New patch run: targets" onClose={() => setStep('closed')}>
          <div className="space-y-3 text-sm">
            <div className="flex gap-4">
              <label className="flex items-center gap-1.5"><input type="radio" checked={mode === 'tag'} onChange={() => setMode('tag')} /> A tag</label>
              <label className="flex items-center gap-1.5"><input type="radio" checked={mode === 'patchGroup'} onChange={() => setMode('patchGroup')} /> A patch group</label>
            </div>
            {mode === 'tag' ? (
              <div className="grid grid-cols-2 gap-3">
                <label>Tag key<input aria-label="Tag key" className={field} value={key} onChange={(e) => setKey(e.target.value)} /></label>
                <label>Value<input aria-label="Tag value" className={field} value={value} onChange={(e) => setValue(e.target.value)} placeholder="e.g. staging" /></label>
              </div>
            ) : (
              <label>Patch group<input aria-label="Patch group" className={field} value={group} onChange={(e) => setGroup(e.target.value)} placeholder="e.g. dev-linux" /></label>
            )}
            <p className="text-xs text-slate-500">AWS resolves the target when the command is sent, in every region where it matches nodes. To patch chosen nodes, select them on the Nodes page.</p>
            <button type="button" disabled={!ready} onClick={() => setStep('run')} className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white disabled:opacity-50">Continue</button>
          </div>
        </Modal>
      )}
      {step === 'run' && <PatchRunDialog title={`Patch run: ${mode === 'tag' ? `tag ${key}=${value}` : `patch group ${group}`}`} targets={targets} onClose={() => setStep('closed')} />}
    </>
  );
}
