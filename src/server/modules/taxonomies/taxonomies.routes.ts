import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  TermCreateSchema,
  TermListSchema,
  TermSchema,
  TermUpdateSchema,
} from '../../../shared/taxonomy.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as service from './taxonomies.service.js';

export function taxonomiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['taxonomies'];
  return async (app) => {
    app.get(
      '/api/taxonomies',
      { config: { access: 'none' }, schema: { tags, response: { 200: TermListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => service.listTerms(ctx)),
    );
    app.post(
      '/api/taxonomies',
      { config: { access: 'none' }, schema: { tags, body: TermCreateSchema, response: { 201: TermSchema } } },
      async (request, reply) =>
        reply.code(201).send(await inActorTx(deps, request, (ctx) => service.createTerm(ctx, request.body))),
    );
    app.patch(
      '/api/taxonomies/:id',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params: z.object({ id: z.uuid() }),
          body: TermUpdateSchema,
          response: { 200: TermSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => service.updateTerm(ctx, request.params.id, request.body)),
    );
  };
}
