import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SITE_LANGUAGES,
  SITE_PAGES,
  type SiteLanguage,
  type SitePage,
} from '../../../shared/public-site.schema.js';
import type { Deps } from '../../lib/deps.js';
import { AppError } from '../../lib/errors.js';
import { baseUrl } from '../../lib/request-context.js';
import { formToken, submitCallback } from './callback-submit.service.js';
import * as pages from './public-pages.service.js';
import {
  callbackForm,
  comingSoonPage,
  contentPage,
  notFoundPage,
  SITE_CSP,
  sentPage,
  tooManyPage,
  type FormErrorReason,
} from './public-site.html.js';

/** How long a browser or proxy may reuse a published page before asking again (then an ETag answers 304). */
const MAX_AGE_SECONDS = 300;
const gzipCache = new Map<string, Buffer>();

/**
 * Sends a public page: no cookie (the session plugin only reads /api), the site's own strict CSP, and for
 * cacheable pages an ETag and a short public max-age; gzip when the client takes it.
 */
function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  html: string,
  opts: { status?: number; cache: boolean },
): FastifyReply {
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  reply
    .header('content-security-policy', SITE_CSP)
    .header('cache-control', opts.cache ? `public, max-age=${MAX_AGE_SECONDS}` : 'no-store')
    .header('vary', 'accept-encoding')
    .type('text/html; charset=utf-8');
  if (opts.cache) {
    reply.header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  }
  reply.code(opts.status ?? 200);
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    let zipped = gzipCache.get(etag);
    if (!zipped) {
      zipped = gzipSync(html);
      if (gzipCache.size > 500) gzipCache.clear();
      gzipCache.set(etag, zipped);
    }
    return reply.header('content-encoding', 'gzip').send(zipped);
  }
  return reply.send(html);
}

const FORM_REASONS: Record<string, FormErrorReason> = {
  required: 'required',
  too_big: 'too_long',
  invalid_phone: 'invalid_phone',
  expired: 'expired',
};

const wantsJson = (request: FastifyRequest) =>
  String(request.headers['content-type'] ?? '').startsWith('application/json');

/**
 * The public site: server-rendered pages per language at /{lang}/ and /{lang}/{page}, the call-back form,
 * and robots.txt. No sign-in, no script, no cookie. The web app keeps every other path.
 */
export function publicPagesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const hide = { schema: { hide: true } };

    app.get('/robots.txt', hide, async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`)
        .send(
          `User-agent: *\n${SITE_LANGUAGES.map((l) => `Allow: /${l}/`).join('\n')}\nDisallow: /${'\n'}` +
            `Disallow: /api/\n`,
        ),
    );

    const page = async (request: FastifyRequest, reply: FastifyReply, lang: SiteLanguage, slug: SitePage) => {
      const origin = baseUrl(deps, request);
      const orgId = await pages.publicOrganisation(deps);
      const content = orgId ? await pages.publishedPage(deps, orgId, slug, lang) : undefined;
      // Before the organisation exists (or has published its home page) the site says so, kindly.
      if (!orgId || (!content && slug === 'home'))
        return sendPage(request, reply, comingSoonPage(lang, origin), { cache: false });
      if (!content)
        return sendPage(request, reply, notFoundPage(lang, origin), { status: 404, cache: false });
      const meetings =
        slug === 'home'
          ? await pages.findUpcomingPublicMeetings(deps, { orgId, language: lang, limit: 5 })
          : undefined;
      return sendPage(request, reply, contentPage({ lang, page: slug, origin, content, meetings }), {
        cache: true,
      });
    };

    for (const lang of SITE_LANGUAGES) {
      app.get(`/${lang}`, hide, async (_request, reply) => reply.redirect(`/${lang}/`, 301));
      app.get(`/${lang}/`, hide, async (request, reply) => page(request, reply, lang, 'home'));
      app.get<{ Params: { page: string } }>(`/${lang}/:page`, hide, async (request, reply) => {
        const slug = request.params.page;
        if (slug === 'callback' && !(await pages.publicOrganisation(deps)))
          return sendPage(request, reply, comingSoonPage(lang, baseUrl(deps, request)), { cache: false });
        if (slug === 'callback')
          return sendPage(
            request,
            reply,
            callbackForm({ lang, origin: baseUrl(deps, request), token: formToken(deps) }),
            { cache: false },
          );
        if (slug !== 'home' && (SITE_PAGES as readonly string[]).includes(slug))
          return page(request, reply, lang, slug as SitePage);
        return sendPage(request, reply, notFoundPage(lang, baseUrl(deps, request)), {
          status: 404,
          cache: false,
        });
      });
      app.get(`/${lang}/callback/sent`, hide, async (request, reply) =>
        sendPage(request, reply, sentPage(lang, baseUrl(deps, request)), { cache: true }),
      );
      app.post(`/${lang}/callback`, { ...hide, bodyLimit: 16 * 1024 }, async (request, reply) => {
        const json = wantsJson(request);
        const origin = baseUrl(deps, request);
        const orgId = await pages.publicOrganisation(deps);
        if (!orgId && json) throw new AppError('not_found', 'No such resource');
        if (!orgId)
          return sendPage(request, reply, comingSoonPage(lang, origin), { status: 503, cache: false });
        const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
          string,
          unknown
        >;
        const outcome = await submitCallback(deps, orgId, { body, ip: request.ip });
        switch (outcome.kind) {
          case 'accepted':
          case 'decoy':
            return json
              ? reply.code(202).header('cache-control', 'no-store').send({ status: 'received' })
              : reply.header('cache-control', 'no-store').redirect(`/${lang}/callback/sent`, 303);
          case 'limited':
            if (json) throw new AppError('too_many_attempts', undefined, { retryAfterSeconds: 3600 });
            return sendPage(request, reply, tooManyPage(lang, origin), { status: 429, cache: false });
          case 'invalid': {
            if (json) throw new AppError('validation_failed', 'Check the fields', { errors: outcome.errors });
            const errors: Record<string, FormErrorReason> = {};
            for (const e of outcome.errors) errors[e.field] = FORM_REASONS[e.reason] ?? 'invalid';
            return sendPage(
              request,
              reply,
              callbackForm({ lang, origin, token: formToken(deps), values: outcome.values, errors }),
              { status: 400, cache: false },
            );
          }
        }
      });
    }
  };
}
