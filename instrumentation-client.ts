import { z } from 'zod';

// Runs in the browser before the app's own modules. zod 4 compiles object parsers with `new Function` (probing for it
// when the first z.object() is built) unless told not to; the nonce CSP (proxy.ts) has no 'unsafe-eval', so without
// this every page reports a CSP violation. Parsing works the same without the compiled fast path.
z.config({ jitless: true });
