import Link from 'next/link';
import { opsItemHref, severityLabel, type OpsItemDetail } from '@/lib/contracts/ops-items';
import { formatDateTime } from '@/lib/format';
import { CopyButton } from '@/components/ui/copy-button';
import { shortArn } from '@/components/ops-items/arn';
import { OpsStatusBadge } from '@/components/ops-items/badges';
import { Card } from './card';

const Who = ({ arn }: { arn: string | null }) => <span title={arn ?? undefined}>{shortArn(arn)}</span>;

export function OpsItemFacts({ item: it }: { item: OpsItemDetail['item'] }) {
  const rows: [string, React.ReactNode][] = [
    ['Status', <OpsStatusBadge key="s" status={it.status} />],
    ['Severity', it.severity ? `${it.severity} · ${severityLabel(it.severity)}` : null],
    ['Priority', it.priority],
    ['Category', it.category],
    ['Source', it.source],
    ['Type', <code key="t" className="text-xs">{it.type}</code>],
    ['Region', it.region],
    ['Created', it.createdAt && <span key="c">{formatDateTime(it.createdAt)}<br /><span className="text-xs text-slate-500">by <Who arn={it.createdBy} /></span></span>],
    ['Modified', it.modifiedAt && <span key="m">{formatDateTime(it.modifiedAt)}<br /><span className="text-xs text-slate-500">by <Who arn={it.modifiedBy} /></span></span>],
    ['Version', it.version && <span key="v" className="font-mono text-xs">{it.version}</span>],
    ['Related OpsItems', it.relatedOpsItems.length ? <span key="r" className="flex flex-wrap gap-2">{it.relatedOpsItems.map((r) => <Link key={r} href={opsItemHref(r)} className="font-mono text-xs text-sky-700 hover:underline">{r}</Link>)}</span> : null],
  ];
  return (
    <Card title="Details" testId="ops-item-facts">
      <dl className="grid grid-cols-[8.5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="min-w-0 break-words">{v === null || v === undefined || v === '' ? <span className="text-slate-300">—</span> : v}</dd>
          </div>
        ))}
      </dl>
      {it.arn && (
        <div className="mt-2 flex items-center gap-2 border-t border-slate-100 pt-2">
          <code className="min-w-0 flex-1 truncate text-xs text-slate-600" title={it.arn}>{it.arn}</code>
          <CopyButton text={it.arn} label="Copy ARN" />
        </div>
      )}
    </Card>
  );
}
