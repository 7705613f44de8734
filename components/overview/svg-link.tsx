'use client';
import { useRouter } from 'next/navigation';

/**
 * A chart segment as a real link: an SVG `<a href>` (focusable, opened with Enter, middle-click and "open in new tab"
 * work), navigating inside the app without a reload on a plain click. `focusable={false}` for segments whose
 * keyboard path is an HTML link next to the chart (a legend), so each destination is one tab stop.
 */
export function SvgLink({ href, label, focusable = true, children }: { href: string; label: string; focusable?: boolean; children: React.ReactNode }) {
  const router = useRouter();
  return (
    <a
      href={href}
      aria-label={focusable ? label : undefined}
      aria-hidden={focusable ? undefined : true}
      tabIndex={focusable ? undefined : -1}
      className="cursor-pointer outline-none [&:focus-visible_.seg-focus]:opacity-100 [&:hover_.seg-hover]:opacity-85"
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.push(href);
      }}
    >
      <title>{label}</title>
      {children}
    </a>
  );
}
