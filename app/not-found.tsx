import Link from 'next/link';
import { headers } from 'next/headers';

/** The app's own not-found page; the proxy sends addresses it cannot decode (bad percent-encoding) here too. */
export default async function NotFound() {
  const badAddress = (await headers()).get('x-bad-address') === '1';
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm" data-testid={badAddress ? 'bad-address' : 'not-found'}>
      <h1 className="text-lg font-semibold">{badAddress ? 'Bad address' : 'Not found'}</h1>
      <p className="mt-1 text-slate-600">
        {badAddress
          ? 'This address is not valid: it has a “%” that is not followed by a valid encoded character. Check the link you followed.'
          : 'There is no page at this address.'}
      </p>
      <Link href="/" className="mt-3 inline-block text-sky-700 hover:underline">
        Back to the overview
      </Link>
    </div>
  );
}
