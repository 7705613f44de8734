import { DASHBOARD_SOURCE, DEFAULT_OPS_ITEM_TYPE, severityLabel, type CreateOpsItemRequest } from '@/lib/contracts/ops-items';
import type { CreatePreset } from './create-draft';

/** What will be created, in plain words, as the server will send it to OpsCenter. */
export function CreatePreview({ req, preset }: { req: CreateOpsItemRequest; preset: CreatePreset }) {
  const nodes = req.nodeIds ?? [];
  const data = req.operationalData ?? [];
  const region = preset.regionFromSource ? 'the region of each node (one OpsItem per region)' : req.region ? req.region : nodes.length ? 'the region of the nodes' : 'no region chosen yet';
  return (
    <section data-testid="create-preview" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Will be created</h3>
      <p className="font-medium text-slate-900 break-words">{req.title.trim() || <span className="italic text-slate-500">(no title yet)</span>}</p>
      <ul className="mt-1 space-y-0.5 text-slate-700">
        <li>
          An OpsItem of type <code>{DEFAULT_OPS_ITEM_TYPE}</code>, status Open, source <code>{DASHBOARD_SOURCE}</code>, in {region}.
        </li>
        <li>
          Severity {req.severity ? `${req.severity} · ${severityLabel(req.severity)}` : 'not set'} · priority {req.priority ?? 'not set'} · category {req.category ?? 'not set'}.
        </li>
        {preset.sourceNote && <li>{preset.sourceNote}</li>}
        {nodes.length > 0 && <li>Also relates {nodes.length} node{nodes.length === 1 ? '' : 's'}: <span className="font-mono text-xs">{nodes.slice(0, 5).join(', ')}{nodes.length > 5 ? ` and ${nodes.length - 5} more` : ''}</span>.</li>}
        {data.length > 0 && <li>Operational data: {data.map((d) => `${d.key || '(no key)'}${d.searchable === false ? ' (not searchable)' : ''}`).join(', ')}.</li>}
      </ul>
    </section>
  );
}
