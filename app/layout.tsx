import './globals.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { headers } from 'next/headers';
import { resolveActor, refusalReason } from '@/lib/actions/identity';
import { Providers } from './providers';
import { NavLinks } from './nav-links';
import { dashboardInfo } from '@/lib/fleet/settings';
import { SetupHelp } from '@/components/fleet/setup-help';

export const metadata: Metadata = {
  title: { default: 'SSM Fleet', template: '%s · SSM Fleet' },
  description: 'Managed nodes, patch compliance and actions across an AWS Systems Manager fleet',
};

/** When this request renders (outside the component: a render must be pure for React's linter, a request is not). */
const renderTime = () => Date.now();

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection(); // configuration is read at run time, never at build time
  const info = dashboardInfo();
  const actor = resolveActor(await headers());
  const refusal = refusalReason(actor);
  return (
    <html lang="en">
      <head>
        {/* The time this page was rendered: relative ages ("2m ago") hydrate from it, so server and browser agree. */}
        <meta name="render-time" content={String(renderTime())} />
      </head>
      <body className="min-h-screen bg-slate-100 text-slate-900 antialiased">
        <Providers>
          <header className="fixed-palette sticky top-0 z-40 border-b border-slate-800 bg-slate-900 text-slate-100">
            {/* Wraps on a narrow window (the nav scrolls inside itself) so no page scrolls sideways at 375 px. */}
            <div className="flex min-h-12 flex-wrap items-center gap-x-6 gap-y-1 px-4 py-1.5">
              <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap">
                <span aria-hidden className="grid h-6 w-6 place-items-center rounded bg-sky-500 text-xs font-bold text-white">S</span>
                SSM Fleet
              </Link>
              <div className="min-w-0 max-w-full overflow-x-auto">
                <NavLinks />
              </div>
              <div className="ml-auto flex flex-wrap items-center gap-2 text-xs">
                {info.demo && (
                  <span data-testid="demo-badge" className="rounded bg-amber-400 px-2 py-0.5 font-semibold text-amber-950" title="Simulated AWS: nothing here touches a real account">
                    Demo · simulated AWS
                  </span>
                )}
                <span className="hidden text-slate-400 lg:inline">
                  {info.accounts !== 0 && `${info.accounts === null ? 'Organization' : `${info.accounts} accounts`} · `}
                  {info.regions.join(' · ')}
                </span>
                <span
                  data-testid="mode-badge"
                  title={refusal?.message ?? `Signed in as ${actor.id}: actions are enabled`}
                  className={`rounded px-2 py-0.5 font-medium ${refusal ? 'bg-slate-700 text-slate-200' : 'bg-emerald-700 text-white'}`}
                >
                  {refusal ? (refusal.code === 'ReadOnlyMode' ? 'Read-only' : `${actor.id} · view only`) : `${actor.id} · operator`}
                </span>
              </div>
            </div>
          </header>
          <main className="px-4 py-4">{info.configError ? <SetupHelp {...info.configError} /> : children}</main>
        </Providers>
      </body>
    </html>
  );
}
