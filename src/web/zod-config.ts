import { z } from 'zod';

// Zod probes for `new Function` to speed up object parsing; our Content-Security-Policy forbids eval, so the
// probe only produces a CSP violation report per page. Parse without it.
z.config({ jitless: true });
