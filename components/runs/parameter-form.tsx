'use client';
import { useState } from 'react';
import { checkParameter, type DocumentParameter, type Parameters } from '@/lib/contracts/documents';


const field = 'mt-1 block w-full rounded border px-2 py-1.5 text-sm focus:outline-none';

const multiline = (p: DocumentParameter) => p.type === 'StringList' || p.type === 'StringMap' || p.type === 'MapList' || p.displayType === 'textarea';

function Field({ p, values, onChange, disabled }: { p: DocumentParameter; values: string[]; onChange: (v: string[]) => void; disabled?: boolean }) {
  const problems = checkParameter(p, values);
  const tone = problems.length ? 'border-red-500' : 'border-slate-300 focus:border-sky-500';
  const id = `param-${p.name}`;
  let input: React.ReactNode;
  if (p.allowedValues && p.type !== 'StringList') {
    input = (
      <select id={id} aria-label={p.name} disabled={disabled} value={values[0] ?? ''} onChange={(e) => onChange([e.target.value])} className={`${field} ${tone}`}>
        {!p.allowedValues.includes(values[0] ?? '') && <option value={values[0] ?? ''}>{values[0] ? values[0] : '— choose —'}</option>}
        {p.allowedValues.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    );
  } else if (p.type === 'Boolean') {
    input = (
      <select id={id} aria-label={p.name} disabled={disabled} value={values[0] ?? 'false'} onChange={(e) => onChange([e.target.value])} className={`${field} ${tone}`}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (multiline(p)) {
    const text = p.type === 'StringList' ? values.join('\n') : (values[0] ?? '');
    input = (
      <textarea
        id={id} aria-label={p.name} disabled={disabled} rows={p.type === 'StringList' || p.displayType === 'textarea' ? 4 : 2} spellCheck={false} value={text}
        onChange={(e) => onChange(p.type === 'StringList' ? (e.target.value === '' ? [] : e.target.value.split('\n')) : [e.target.value])}
        className={`${field} ${tone} font-mono text-xs`}
      />
    );
  } else {
    input = <input id={id} aria-label={p.name} disabled={disabled} inputMode={p.type === 'Integer' ? 'numeric' : undefined} value={values[0] ?? ''} onChange={(e) => onChange([e.target.value])} className={`${field} ${tone}`} />;
  }
  const rules = [
    p.type !== 'String' && p.type,
    p.type === 'StringList' && 'one item per line',
    p.allowedPattern && `pattern ${p.allowedPattern}`,
    p.minItems !== null && `at least ${p.minItems} item${p.minItems === 1 ? '' : 's'}`,
    p.maxItems !== null && `at most ${p.maxItems} items`,
    p.minChars !== null && `at least ${p.minChars} characters`,
    p.maxChars !== null && `at most ${p.maxChars} characters`,
  ].filter(Boolean);
  return (
    <div data-testid={`param-field-${p.name}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {p.name}
        {p.required && <span className="text-red-700" title="Required: the document gives no default"> *</span>}
      </label>
      {input}
      {p.description && <p className="mt-0.5 text-xs text-slate-500">{p.description}</p>}
      {rules.length > 0 && <p className="text-xs text-slate-500">{rules.join(' · ')}</p>}
      {problems.map((x) => <p key={x.rule + x.message} role="alert" className="text-xs text-red-700">{x.message}</p>)}
    </div>
  );
}

/** Every parameter the document declares, as a form; or the raw JSON that SendCommand will receive. */
export function ParameterForm({ defs, value, onChange, disabled }: { defs: DocumentParameter[]; value: Parameters; onChange: (v: Parameters) => void; disabled?: boolean }) {
  const [raw, setRaw] = useState<string | null>(null);
  const [rawError, setRawError] = useState<string | null>(null);
  const applyRaw = (text: string) => {
    setRaw(text);
    try {
      const parsed: unknown = JSON.parse(text);
      const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!ok) throw new Error('must be an object of string lists, like {"commands": ["uptime"]}');
      setRawError(null);
      onChange(parsed as Parameters);
    } catch (err) {
      setRawError((err as Error).message);
    }
  };
  return (
    <fieldset disabled={disabled} className="space-y-3" data-testid="parameter-form">
      <div className="flex items-center justify-between">
        <legend className="text-sm font-semibold text-slate-800">Parameters</legend>
        <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => (raw === null ? setRaw(JSON.stringify(value, null, 2)) : (setRaw(null), setRawError(null)))}>
          {raw === null ? 'Edit as JSON' : 'Back to the form'}
        </button>
      </div>
      {raw !== null ? (
        <div>
          <textarea aria-label="Parameters as JSON" rows={10} spellCheck={false} value={raw} onChange={(e) => applyRaw(e.target.value)} className={`${field} font-mono text-xs ${rawError ? 'border-red-500' : 'border-slate-300'}`} />
          {rawError && <p role="alert" className="text-xs text-red-700">Not applied: {rawError}</p>}
        </div>
      ) : defs.length === 0 ? (
        <p className="text-sm text-slate-500">This document takes no parameters.</p>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {defs.map((p) => (
            <div key={p.name} className={multiline(p) ? 'md:col-span-2' : ''}>
              <Field p={p} values={value[p.name] ?? []} onChange={(v) => onChange({ ...value, [p.name]: v })} disabled={disabled} />
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
}
