'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview' },
  { href: '/nodes', label: 'Nodes' },
  { href: '/patching', label: 'Patching' },
  { href: '/diagnosis', label: 'Diagnosis' },
  { href: '/inventory', label: 'Inventory' },
  { href: '/ops-items', label: 'OpsItems' },
  { href: '/runs', label: 'Runs' },
  { href: '/commands', label: 'Commands' },
  { href: '/audit', label: 'Audit' },
];

export function NavLinks() {
  const path = usePathname();
  return (
    <nav className="flex items-center gap-1 text-sm">
      {LINKS.map((l) => {
        const active = l.href === '/' ? path === '/' : path.startsWith(l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            className={`rounded px-2.5 py-1 ${active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
