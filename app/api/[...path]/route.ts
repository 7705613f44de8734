import { ApiError, route } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

/** Any /api path no route serves: the JSON envelope's 404, whatever the method, instead of the HTML not-found page. */
const notFound = route(async (req: Request) => {
  throw new ApiError(404, 'NotFound', `no API route at ${new URL(req.url).pathname}`);
});

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
