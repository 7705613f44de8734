/**
 * A dynamic route segment as its page should read it. Next.js 16 hands a page its params still percent-encoded
 * ("%25") but generateMetadata its params decoded ("%"): the page decodes once, keeping the text as is when it is not
 * valid encoding; metadata uses its value as given.
 */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
