import Link from 'next/link';

export default function NodeNotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-slate-600">
        No managed node or EC2 instance with this ID in the configured regions. It may have been terminated or deregistered.
      </p>
      <Link href="/nodes" className="mt-3 inline-block text-sky-700 hover:underline">
        Back to all nodes
      </Link>
    </div>
  );
}
