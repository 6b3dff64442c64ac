import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchRequestSchema, SearchResultsSchema } from '../../../shared/search.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as search from './search.service.js';

/**
 * Per person, not per address (an office shares one): generous for typing, tight enough that guessing
 * aliases or phone numbers through the search is slow. Counted after sign-in, so the key is the user.
 */
const SEARCH_LIMIT = {
  max: 60,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) =>
    request.session?.stage === 'full' ? `user:${request.session.actor.userId}` : request.ip,
};

export function searchRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // A POST with the term in the body: it never appears in a URL, the browser history or an access log.
    // The access log records that a search happened (purpose `search`), not what was searched.
    app.post(
      '/api/search',
      {
        config: { access: { entity: 'case', purpose: 'search' }, rateLimit: SEARCH_LIMIT },
        schema: { tags: ['search'], body: SearchRequestSchema, response: { 200: SearchResultsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => search.search(ctx, request.body)),
    );
  };
}
