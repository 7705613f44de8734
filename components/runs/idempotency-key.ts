/**
 * A fresh idempotency key for one submission (crypto.randomUUID needs a secure context; plain-HTTP intranets are
 * common, so random bytes otherwise). Safe in a server render too (no `window` there; the browser makes its own key).
 */
export const newIdempotencyKey = () =>
  typeof crypto.randomUUID === 'function' && (typeof window === 'undefined' || window.isSecureContext)
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
