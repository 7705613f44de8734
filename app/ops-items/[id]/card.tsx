export function Card({ title, children, testId, actions }: { title: React.ReactNode; children: React.ReactNode; testId?: string; actions?: React.ReactNode }) {
  return (
    <section data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
