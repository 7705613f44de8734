import { QueryClient, isServer } from '@tanstack/react-query';
import { ApiRequestError } from '@/lib/contracts/errors';

function make(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // Our API already retried AWS; retry only when the dashboard server itself did not answer.
        retry: (count, err) => count < 2 && err instanceof ApiRequestError && err.status === 0,
        refetchOnWindowFocus: true,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A new client per server request; one client for the browser's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return make();
  return (browserClient ??= make());
}
