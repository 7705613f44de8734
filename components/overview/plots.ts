/**
 * Every recharts plot of the overview, in one module so they load as one chunk group after the page (see LazyPlot):
 * four separate dynamic imports would each repeat the recharts code they share.
 */
export { BarListPlot } from './bar-list-plot';
export { PingDonut } from './ping-donut';
export { OpsPerDayPlot } from './ops-per-day-plot';
export { TrendPlot } from './trend-plot';
