import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MatchingWeightsSchema,
  OfferCreateSchema,
  OfferListSchema,
  OfferResponseSchema,
  OfferSchema,
  ShortlistQuerySchema,
  ShortlistSchema,
  WaitingListSchema,
} from '../../../shared/matching.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as matching from './matching.service.js';

const Id = z.object({ id: z.uuid() });
const Created = z.object({ id: z.uuid() });
const None = z.null();

/** Matching: shortlists, waiting list, offers to counsellors and the weights. */
export function matchingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tx = <T>(request: Parameters<typeof inActorTx>[1], fn: Parameters<typeof inActorTx<T>>[2]) =>
      inActorTx(deps, request, fn);

    app.get(
      '/api/cases/:id/shortlist',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'shortlist' } },
        schema: {
          tags: ['matching'],
          params: Id,
          querystring: ShortlistQuerySchema,
          response: { 200: ShortlistSchema },
        },
      },
      async (request) =>
        tx(request, (ctx) =>
          matching.caseShortlist(ctx, request.params.id, {
            reach: request.query.reach,
            interpreter: request.query.interpreter === 'true',
          }),
        ),
    );
    app.post(
      '/api/cases/:id/waiting-list',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'waiting_list', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: WaitingListSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await tx(request, (ctx) => matching.putOnWaitingList(ctx, request.params.id, request.body))),
    );
    app.get(
      '/api/cases/:id/offers',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'offers' } },
        schema: { tags: ['matching'], params: Id, response: { 200: OfferListSchema } },
      },
      async (request) => tx(request, (ctx) => matching.caseOffers(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/offers',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'offer', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: OfferCreateSchema, response: { 201: Created } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await tx(request, (ctx) => matching.createOffer(ctx, request.params.id, request.body))),
    );
    app.get(
      '/api/offers',
      {
        config: { access: { entity: 'offer', purpose: 'list' } },
        schema: {
          tags: ['matching'],
          response: {
            200: z.object({
              items: z.array(
                OfferSchema.extend({
                  categoryId: z.uuid(),
                  municipality: z.string(),
                  language: z.string(),
                  callerAlias: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => tx(request, (ctx) => matching.myOffers(ctx)),
    );
    app.post(
      '/api/offers/:id/respond',
      {
        config: { access: { entity: 'offer', param: 'id', purpose: 'respond', only: 'denied' } },
        schema: { tags: ['matching'], params: Id, body: OfferResponseSchema, response: { 204: None } },
      },
      async (request, reply) => {
        await tx(request, (ctx) => matching.respondToOffer(ctx, request.params.id, request.body));
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/api/matching/weights',
      {
        config: { access: 'none' },
        schema: { tags: ['matching'], response: { 200: MatchingWeightsSchema } },
      },
      async (request) => tx(request, (ctx) => matching.getWeights(ctx)),
    );
    app.put(
      '/api/matching/weights',
      {
        config: { access: 'none' },
        schema: { tags: ['matching'], body: MatchingWeightsSchema, response: { 200: MatchingWeightsSchema } },
      },
      async (request) => tx(request, (ctx) => matching.setWeights(ctx, request.body)),
    );
  };
}
