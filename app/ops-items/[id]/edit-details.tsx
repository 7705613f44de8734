'use client';
import { useState } from 'react';
import { severityLabel, UpdateOpsItemRequestSchema, type OpsItemDetail, type UpdateOpsItemRequest } from '@/lib/contracts/ops-items';
import { ConfirmChange, type Change } from '@/components/ops-items/confirm-change';
import { CategorySelect, Field, INPUT, issuesByPath, PrioritySelect, SeveritySelect } from '@/components/ops-items/form-fields';
import { Card } from './card';

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);
const sev = (s: string | null) => (s ? `${s} · ${severityLabel(s)}` : 'not set');

/**
 * Title, description, severity, priority, category: edited here, then one confirmed change naming each field from → to.
 * OpsCenter cannot clear a field once set, so "not set" is offered only while it is not set.
 */
export function EditDetails({ detail, canAct, refusal }: { detail: OpsItemDetail; canAct: boolean; refusal?: string }) {
  const it = detail.item;
  const [title, setTitle] = useState(it.title);
  const [description, setDescription] = useState(it.description ?? '');
  const [severity, setSeverity] = useState(it.severity ?? '');
  const [priority, setPriority] = useState(it.priority ? String(it.priority) : '');
  const [category, setCategory] = useState(it.category ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [change, setChange] = useState<Change | null>(null);

  const review = () => {
    const req: UpdateOpsItemRequest = {};
    const lines: React.ReactNode[] = [];
    if (title !== it.title) { req.title = title; lines.push(<>Title: “{clip(it.title)}” → “{clip(title)}”</>); }
    if (description !== (it.description ?? '')) { req.description = description; lines.push(<>Description: {description.length} characters (was {(it.description ?? '').length})</>); }
    if (severity && severity !== it.severity) { req.severity = severity as UpdateOpsItemRequest['severity']; lines.push(<>Severity: {sev(it.severity)} → <b>{sev(severity)}</b></>); }
    if (priority && Number(priority) !== it.priority) { req.priority = Number(priority); lines.push(<>Priority: {it.priority ?? 'not set'} → <b>{priority}</b></>); }
    if (category && category !== it.category) { req.category = category as UpdateOpsItemRequest['category']; lines.push(<>Category: {it.category ?? 'not set'} → <b>{category}</b></>); }
    const r = UpdateOpsItemRequestSchema.safeParse(req);
    if (!r.success) return setErrors(lines.length ? issuesByPath(r.error.issues) : { form: 'Nothing changed yet: edit a field first.' });
    setErrors({});
    setChange({ title: `Change ${it.id}`, lines, request: req, confirmLabel: `Save ${lines.length} change${lines.length === 1 ? '' : 's'}` });
  };

  return (
    <Card title="Edit">
      <form className="space-y-2" onSubmit={(e) => { e.preventDefault(); review(); }}>
        <Field label="Title" error={errors.title}>{(id) => <input id={id} value={title} disabled={!canAct} onChange={(e) => setTitle(e.target.value)} className={INPUT} />}</Field>
        <Field label="Description" error={errors.description}>{(id) => <textarea id={id} rows={4} value={description} disabled={!canAct} onChange={(e) => setDescription(e.target.value)} className={`${INPUT} font-mono text-xs`} />}</Field>
        <div className="grid grid-cols-3 gap-2">
          <Field label="Severity" error={errors.severity}>{(id) => <SeveritySelect id={id} value={severity} disabled={!canAct} onChange={setSeverity} notSet={it.severity ? 'Keep' : 'Not set'} />}</Field>
          <Field label="Priority" error={errors.priority}>{(id) => <PrioritySelect id={id} value={priority} disabled={!canAct} onChange={setPriority} notSet={it.priority ? 'Keep' : 'Not set'} />}</Field>
          <Field label="Category" error={errors.category}>{(id) => <CategorySelect id={id} value={category} disabled={!canAct} onChange={setCategory} notSet={it.category ? 'Keep' : 'Not set'} />}</Field>
        </div>
        {errors.form && <p role="alert" className="text-xs text-red-700">{errors.form}</p>}
        <button type="submit" disabled={!canAct} title={refusal} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50">Review changes…</button>
      </form>
      {change && <ConfirmChange id={it.id} region={it.region} change={change} onClose={() => setChange(null)} />}
    </Card>
  );
}
