import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PartnerCreateSchema,
  PartnerListSchema,
  PartnerQuerySchema,
  PartnerSchema,
  PartnerUpdateSchema,
} from '../../../shared/partners.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as partners from './partners.service.js';

export function partnersRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['partners'];
  return async (app) => {
    app.get(
      '/api/partners',
      {
        config: { access: 'none' },
        schema: { tags, querystring: PartnerQuerySchema, response: { 200: PartnerListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => partners.listPartners(ctx, request.query)),
    );
    app.post(
      '/api/partners',
      {
        config: { access: 'none' },
        schema: { tags, body: PartnerCreateSchema, response: { 201: PartnerSchema } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await inActorTx(deps, request, (ctx) => partners.createPartner(ctx, request.body))),
    );
    app.patch(
      '/api/partners/:id',
      {
        config: { access: 'none' },
        schema: {
          tags,
          params: z.object({ id: z.uuid() }),
          body: PartnerUpdateSchema,
          response: { 200: PartnerSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => partners.updatePartner(ctx, request.params.id, request.body)),
    );
  };
}
