import Link from 'next/link';

/** "Runs / run-…": where this page sits, as a named navigation landmark; the link is underlined (not told by colour alone). */
export function Breadcrumb({ href, label, current }: { href: string; label: string; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
      <Link href={href} className="text-sky-700 underline underline-offset-2 hover:decoration-2">{label}</Link> / <span aria-current="page" className="font-mono">{current}</span>
    </nav>
  );
}
