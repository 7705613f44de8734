'use client';
import Link from 'next/link';
import type { RegionStatus } from '@/lib/contracts/node';
import { nodesHref } from '@/lib/contracts/node-view';
import { formatAge, formatNumber } from '@/lib/format';

type Cell = RegionStatus & { online?: number; notManaged?: number };

/** Why a scope could not be read, named as an engineer would look for it. */
export function scopeFailure(r: RegionStatus): string | null {
  const codes = r.errors.map((e) => e.code);
  if (codes.includes('AssumeRoleFailed')) return 'role cannot be assumed';
  if (codes.some((c) => c === 'UnrecognizedClientException' || c === 'InvalidClientTokenId' || c === 'AuthFailure' || c === 'OptInRequired')) return 'region not enabled';
  if (codes.some((c) => /AccessDenied|UnauthorizedOperation/.test(c))) return 'access denied';
  if (!r.ok) return r.ec2Only ? 'SSM unreachable · EC2 only' : (r.errors[0]?.code ?? 'unreachable');
  return null;
}

/**
 * Accounts x regions: each cell is one scope's nodes, when it was read, and the failure by name. An account's regions
 * differ; a region it does not read is blank.
 */
export function AccountGrid({ statuses, now }: { statuses: Cell[]; now: number }) {
  const regions = [...new Set(statuses.map((s) => s.region))].sort();
  const accounts = [...new Map(statuses.map((s) => [s.account, s.accountName || s.account])).entries()];
  const at = new Map(statuses.map((s) => [`${s.account}/${s.region}`, s]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" tabIndex={0} data-testid="account-grid">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Account</th>
            {regions.map((r) => <th key={r} className="px-3 py-2">{r}</th>)}
          </tr>
        </thead>
        <tbody>
          {accounts.map(([id, name]) => (
            <tr key={id} className="border-t border-slate-100 align-top">
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                <Link className="text-sky-700 underline underline-offset-2" href={nodesHref({ acct: [id] })}>{name}</Link>
                <div className="font-mono text-xs font-normal text-slate-500">{id}</div>
              </th>
              {regions.map((region) => {
                const s = at.get(`${id}/${region}`);
                if (!s) return <td key={region} className="px-3 py-1.5 text-xs text-slate-500">—</td>;
                const failure = scopeFailure(s);
                return (
                  <td key={region} className="px-3 py-1.5 text-xs" data-testid={`scope-${id}-${region}`}>
                    <Link className="font-medium tabular-nums text-sky-700 underline underline-offset-2" href={nodesHref({ acct: [id], region: [region] })}>
                      {formatNumber(s.nodes)} nodes
                    </Link>
                    <div suppressHydrationWarning className={failure ? 'font-medium text-red-700' : s.errors.length ? 'text-amber-700' : 'text-emerald-700'}>
                      {failure ?? (s.errors.length ? `partial (${s.errors.length} failed)` : 'OK')}
                      {s.fetchedAt ? ` · ${formatAge(s.fetchedAt, now)}` : ''}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
