'use client';
import { Pie, PieChart, ResponsiveContainer, Sector, type PieSectorShapeProps } from 'recharts';
import { formatNumber } from '@/lib/format';
import type { PingDatum } from './ping-chart';
import { SvgLink } from './svg-link';

/** The status donut's recharts plot: loaded after the page (see PingChart). */

function SectorLink(props: PieSectorShapeProps) {
  const d = props.payload as PingDatum | undefined;
  const { cx, cy, innerRadius, outerRadius, startAngle, endAngle } = props;
  const geometry = { cx, cy, innerRadius, outerRadius, startAngle, endAngle };
  const sector = <Sector {...geometry} fill={d?.color ?? props.fill} stroke="var(--chart-gap)" strokeWidth={1} className="seg-hover" />;
  return d ? <SvgLink href={d.href} label={`${d.name}: ${formatNumber(d.value)} nodes`} focusable={false}>{sector}</SvgLink> : sector;
}

export function PingDonut({ data }: { data: PingDatum[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart accessibilityLayer={false}>
        <Pie data={data.filter((d) => d.value > 0)} dataKey="value" nameKey="name" innerRadius="62%" outerRadius="100%" startAngle={90} endAngle={-270} isAnimationActive={false} rootTabIndex={-1} shape={SectorLink} />
      </PieChart>
    </ResponsiveContainer>
  );
}
