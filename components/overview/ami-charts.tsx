'use client';
import Link from 'next/link';
import { DEFAULT_COLUMNS } from '@/lib/contracts/columns';
import { nodesHref } from '@/lib/contracts/node-view';
import { AMI_AGE_BUCKETS, AMI_LINK_MAX, type AmiGroup, type OverviewSummary } from '@/lib/contracts/summary';
import { formatNumber, percent } from '@/lib/format';
import { BarList, type Segment } from './bar-list';
import type { Caveat } from './caveats';
import { ChartCard, ChartNote } from './chart-card';
import { AGE_COLOR } from './colors';
import { FoldedNote } from './node-charts';

/** The nodes page with the AMI and launch time columns, so the filtered nodes show what they were counted by. */
const amiHref = (ids: string[]) => nodesHref({ ami: ids, cols: [...DEFAULT_COLUMNS, 'imageId', 'launchTime'] });

const UNKNOWN_WHY: Record<NonNullable<AmiGroup['unknown']>, string> = {
  notVisible: 'EC2 does not show this image (deregistered, or no longer shared with this account)',
  lookupFailed: 'the image lookup failed',
  pending: 'the image lookup is still running',
};

function ageText(a: AmiGroup): string {
  if (a.ageDays === null) return 'age unknown';
  return a.ageDays >= 365 ? `${(a.ageDays / 365).toFixed(1)} y` : `${a.ageDays} d`;
}

export function AmiAgeChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.amis.buckets
    .filter((b) => b.nodes > 0 || b.key !== 'unknown')
    .map((b) => ({
      key: b.key,
      label: `${b.label} · ${formatNumber(b.images)} AMI${b.images === 1 ? '' : 's'}`,
      value: b.nodes,
      color: AGE_COLOR[b.key],
      hint: percent(b.nodes, s.amis.nodes),
      href: b.imageIds && b.imageIds.length ? amiHref(b.imageIds) : null,
      title: `AMIs ${b.label.toLowerCase()} old: ${formatNumber(b.images)} images, ${formatNumber(b.nodes)} nodes${b.imageIds ? '' : ` (more than ${AMI_LINK_MAX} images: no link)`}`,
    }));
  return (
    <ChartCard title="Nodes by AMI age" subtitle={`Age of the image each EC2 instance was launched from · ${formatNumber(s.amis.nodes)} instances`} caveats={caveats} testId="chart-ami-age">
      <BarList segments={segments} />
      {s.amis.buckets.some((b) => b.images > 0 && !b.imageIds) && <ChartNote>Buckets of more than {AMI_LINK_MAX} AMIs have no link: group the nodes by AMI instead.</ChartNote>}
      {s.amis.withoutImage > 0 && <ChartNote>{formatNumber(s.amis.withoutImage)} nodes have no AMI (hybrid, on-premises nodes).</ChartNote>}
    </ChartCard>
  );
}

export function AmiTopChart({ s, caveats }: { s: OverviewSummary; caveats: Caveat[] }) {
  const segments: Segment[] = s.amis.images.map((a) => ({
    key: a.imageId,
    label: `${a.imageId}${a.name ? ` · ${a.name}` : ''}`,
    value: a.nodes,
    color: AGE_COLOR[a.age],
    hint: ageText(a),
    href: amiHref([a.imageId]),
    title: `${a.imageId}${a.name ? ` (${a.name})` : ''} in ${a.region}: ${formatNumber(a.nodes)} nodes; ${
      a.createdAt ? `created ${a.createdAt.slice(0, 10)}, ${a.ageDays} days ago` : `age unknown: ${UNKNOWN_WHY[a.unknown ?? 'lookupFailed']}`
    }`,
  }));
  const notVisible = s.amis.images.filter((a) => a.unknown === 'notVisible').length;
  return (
    <ChartCard title="AMIs in use" subtitle="Images with the most instances, with each image's age" caveats={caveats} testId="chart-ami-top">
      <div className="mb-1 flex flex-wrap gap-x-2.5 gap-y-0.5 text-[11px] text-slate-500" aria-hidden>
        {[...AMI_AGE_BUCKETS.map((b) => [b.key, b.label] as const), ['unknown', 'unknown'] as const].map(([k, label]) => (
          <span key={k} className="inline-flex items-center gap-1"><span className="h-2 w-2 rounded-sm" style={{ background: AGE_COLOR[k] }} />{label}</span>
        ))}
      </div>
      <BarList segments={segments} />
      <FoldedNote other={s.amis.other} what="AMIs" href={nodesHref({ group: 'imageId', cols: [...DEFAULT_COLUMNS, 'imageId'] })} />
      {notVisible > 0 && (
        <ChartNote>
          {notVisible} AMI{notVisible === 1 ? '' : 's'} above show “age unknown”: EC2 no longer shows {notVisible === 1 ? 'it' : 'them'} (deregistered, or no
          longer shared), though instances still run {notVisible === 1 ? 'it' : 'them'}. <Link className="text-sky-700 hover:underline" href={amiHref(s.amis.images.filter((a) => a.unknown === 'notVisible').map((a) => a.imageId))}>Show those nodes</Link>
        </ChartNote>
      )}
    </ChartCard>
  );
}
