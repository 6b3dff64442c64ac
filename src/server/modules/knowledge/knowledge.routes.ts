import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  KnowledgeArticleCreateSchema,
  KnowledgeArticleSchema,
  KnowledgeArticleUpdateSchema,
  KnowledgeDiffQuerySchema,
  KnowledgeDiffSchema,
  KnowledgeLanguageQuerySchema,
  KnowledgeListQuerySchema,
  KnowledgeListSchema,
  KnowledgeSearchResultsSchema,
  KnowledgeSearchSchema,
  KnowledgeVersionCreateSchema,
  KnowledgeVersionListSchema,
  KnowledgeVersionsQuerySchema,
} from '../../../shared/knowledge.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as knowledge from './knowledge.service.js';

/** Per person: generous for typing during a call. */
const SEARCH_LIMIT = {
  max: 60,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) =>
    request.session?.stage === 'full' ? `user:${request.session.actor.userId}` : request.ip,
};

const params = z.object({ id: z.uuid() });

/**
 * The handbook. Its articles are the helpline's method, not personal data, so reads write no access-log row
 * (`access: 'none'`); every edit is audited in the service.
 */
export function knowledgeRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['knowledge'];
  return async (app) => {
    app.get(
      '/api/knowledge/articles',
      {
        config: { access: 'none' },
        schema: { tags, querystring: KnowledgeListQuerySchema, response: { 200: KnowledgeListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => knowledge.listArticles(ctx, request.query)),
    );
    app.post(
      '/api/knowledge/articles',
      {
        config: { access: 'none' },
        schema: { tags, body: KnowledgeArticleCreateSchema, response: { 201: KnowledgeArticleSchema } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await inActorTx(deps, request, (ctx) => knowledge.createArticle(ctx, request.body))),
    );
    app.get(
      '/api/knowledge/articles/:id',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params,
          querystring: KnowledgeLanguageQuerySchema,
          response: { 200: KnowledgeArticleSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          knowledge.getArticle(ctx, request.params.id, request.query.language),
        ),
    );
    app.patch(
      '/api/knowledge/articles/:id',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params,
          querystring: KnowledgeLanguageQuerySchema,
          body: KnowledgeArticleUpdateSchema,
          response: { 200: KnowledgeArticleSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          knowledge.updateArticle(ctx, request.params.id, request.body, request.query.language),
        ),
    );
    app.post(
      '/api/knowledge/articles/:id/versions',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params,
          body: KnowledgeVersionCreateSchema,
          response: { 200: KnowledgeArticleSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => knowledge.saveVersion(ctx, request.params.id, request.body)),
    );
    app.get(
      '/api/knowledge/articles/:id/versions',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params,
          querystring: KnowledgeVersionsQuerySchema,
          response: { 200: KnowledgeVersionListSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          knowledge.listVersions(ctx, request.params.id, request.query.language),
        ),
    );
    app.get(
      '/api/knowledge/articles/:id/diff',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params,
          querystring: KnowledgeDiffQuerySchema,
          response: { 200: KnowledgeDiffSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => knowledge.diffVersions(ctx, request.params.id, request.query)),
    );
    // A POST with the term in the body: it never appears in a URL, the browser history or a log.
    app.post(
      '/api/knowledge/search',
      {
        config: { access: 'none', rateLimit: SEARCH_LIMIT },
        schema: { tags, body: KnowledgeSearchSchema, response: { 200: KnowledgeSearchResultsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => knowledge.searchKnowledge(ctx, request.body)),
    );
  };
}
