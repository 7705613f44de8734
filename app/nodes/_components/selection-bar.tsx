'use client';
import type { NodeRow } from '@/lib/contracts/node';
import { formatNumber } from '@/lib/format';
import { LaunchButton } from '@/components/runs/launch-button';
import { commandSpec, patchSpec, updateAgentSpec } from '@/components/runs/presets';

const button = 'rounded bg-sky-700 px-2.5 py-1 font-medium text-white hover:bg-sky-800';

/** What is selected, and the actions on it: any command, a patch run, an agent update. */
export function SelectionBar({ selected, fleet, onClear }: { selected: Set<string>; fleet: NodeRow[]; onClear: () => void }) {
  if (selected.size === 0) return null;
  const offline = fleet.filter((n) => selected.has(n.id) && n.ping !== 'Online').length;
  const outdated = fleet.filter((n) => selected.has(n.id) && n.agentLatest === false).length;
  const what = `${formatNumber(selected.size)} selected node${selected.size > 1 ? 's' : ''}`;
  const targets = () => ({ mode: 'nodes' as const, nodeIds: [...selected] });
  return (
    <div data-testid="selection-bar" className="flex flex-wrap items-center gap-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-1.5 text-sm text-sky-900">
      <span className="font-medium">{formatNumber(selected.size)} selected</span>
      {offline > 0 && <span className="text-xs text-amber-800">({offline} not Online)</span>}
      <LaunchButton className={button} spec={() => commandSpec(`Run a command on ${what}`, targets())}>Run command…</LaunchButton>
      <LaunchButton className={button} spec={() => patchSpec(`Patch ${what}`, targets())}>Patch…</LaunchButton>
      <LaunchButton className={button} spec={() => updateAgentSpec(`Update the SSM Agent on ${what}`, targets())} title={`${outdated} of them run an outdated agent`}>Update SSM Agent…</LaunchButton>
      <button type="button" onClick={onClear} className="text-xs text-sky-700 hover:underline">Clear selection</button>
    </div>
  );
}
