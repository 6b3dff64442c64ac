import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';

/** Where browsers send Content-Security-Policy violations (`report-uri`, and `report-to` through Reporting-Endpoints). */
export const CSP_REPORT_PATH = '/api/csp-report';

const MAX_REPORT_BYTES = 16 * 1024;

/** What a violation report may tell us; everything else in it is ignored. */
const Violation = z.looseObject({
  'effective-directive': z.string().max(200).optional(),
  'violated-directive': z.string().max(200).optional(),
  effectiveDirective: z.string().max(200).optional(),
  'blocked-uri': z.string().max(2000).optional(),
  blockedURL: z.string().max(2000).optional(),
  'source-file': z.string().max(2000).optional(),
  sourceFile: z.string().max(2000).optional(),
  'line-number': z.number().optional(),
  lineNumber: z.number().optional(),
});

/**
 * Only the origin of a URL (or a keyword such as `inline` or `eval`): the page's own address may hold a record
 * id and the blocked one anything at all, and neither belongs in a log.
 */
function originOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return value.slice(0, 40);
  }
}

/** Normalises both report formats (legacy `csp-report` and the Reporting API's list) to plain violations. */
function violations(body: unknown): z.infer<typeof Violation>[] {
  const items = Array.isArray(body)
    ? body.map((r: { body?: unknown }) => r?.body)
    : [(body as { 'csp-report'?: unknown })?.['csp-report']];
  return items.flatMap((item) => {
    const parsed = Violation.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Logs violations of our Content-Security-Policy: none are expected, so each one points at a bug or at
 * something injected into a page. Public (a report comes from any page, signed in or not), exempt from the
 * CSRF header (browsers cannot add one) — it changes nothing but the log — and under the API rate limit.
 */
export function cspRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    for (const type of ['application/csp-report', 'application/reports+json']) {
      app.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: MAX_REPORT_BYTES },
        (_req, raw, done) => {
          try {
            done(null, JSON.parse(raw as string));
          } catch {
            done(null, undefined);
          }
        },
      );
    }
    app.post(
      CSP_REPORT_PATH,
      {
        config: { auth: 'public', csrf: false, access: 'none' },
        bodyLimit: MAX_REPORT_BYTES,
        schema: { hide: true },
      },
      async (request, reply) => {
        for (const v of violations(request.body).slice(0, 10)) {
          deps.log.warn(
            {
              csp: {
                directive: v['effective-directive'] ?? v.effectiveDirective ?? v['violated-directive'],
                blocked: originOnly(v['blocked-uri'] ?? v.blockedURL),
                source: originOnly(v['source-file'] ?? v.sourceFile),
                line: v['line-number'] ?? v.lineNumber,
              },
            },
            'content security policy violation',
          );
        }
        return reply.code(204).send();
      },
    );
  };
}
