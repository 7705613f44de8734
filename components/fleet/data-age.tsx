'use client';
import { useNow } from '@/components/use-now';
import { formatAge, formatDateTime } from '@/lib/format';

/** "Updated 12s ago", a refresh button and the auto-refresh switch. */
export function DataAge({
  generatedAt,
  refreshing,
  onRefresh,
  auto,
  onAutoChange,
}: {
  generatedAt: string | undefined;
  refreshing: boolean;
  onRefresh: () => void;
  auto: boolean;
  onAutoChange: (on: boolean) => void;
}) {
  const now = useNow(1000);
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600">
      <span data-testid="data-age" suppressHydrationWarning title={generatedAt ? `Fetched from AWS ${formatDateTime(generatedAt)}` : undefined}>
        {generatedAt ? `Updated ${formatAge(generatedAt, now)}` : 'Loading…'}
      </span>
      <button
        type="button"
        onClick={onRefresh}
        disabled={refreshing}
        className="h-7 rounded border border-slate-300 bg-white px-2 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <label className="flex cursor-pointer items-center gap-1">
        <input type="checkbox" checked={auto} onChange={(e) => onAutoChange(e.target.checked)} />
        Auto (30s)
      </label>
    </div>
  );
}
