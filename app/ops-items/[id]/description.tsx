import { prettyJson } from '@/components/ops-items/arn';

/** The description as written: line breaks kept; a JSON description pretty-printed. */
export function Description({ text }: { text: string | null }) {
  if (!text) return <p className="text-sm italic text-slate-500">No description.</p>;
  const json = prettyJson(text);
  if (json) return <pre tabIndex={0} data-testid="ops-item-description" className="max-h-96 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{json}</pre>;
  return <div data-testid="ops-item-description" className="max-h-[32rem] overflow-auto text-sm break-words whitespace-pre-wrap text-slate-800">{text}</div>;
}
