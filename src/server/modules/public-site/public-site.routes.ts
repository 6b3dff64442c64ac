import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BrochureQuerySchema,
  CallbackCloseSchema,
  CallbackDetailSchema,
  CallbackListSchema,
  PageHistorySchema,
  PageListSchema,
  PageRefSchema,
  PageSaveSchema,
  PageVersionSchema,
  PublishSchema,
} from '../../../shared/public-site.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { baseUrl, inActorTx } from '../../lib/request-context.js';
import { brochure } from './brochure.service.js';
import * as callbacks from './callbacks.service.js';
import * as site from './public-site.service.js';
import { forgetRenderedPages } from './public-pages.service.js';

const IdParams = z.object({ id: z.uuid() });

/** The signed-in side: page editing for the admin, the brochure, and the coordinators' callback queue. */
export function publicSiteRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['public-site'];
  return async (app) => {
    app.get(
      '/api/public-site/pages',
      { config: { access: 'none' }, schema: { tags, response: { 200: PageListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => site.listPages(ctx)),
    );
    app.get(
      '/api/public-site/history',
      {
        config: { access: 'none' },
        schema: { tags, querystring: PageRefSchema, response: { 200: PageHistorySchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => site.pageHistory(ctx, request.query)),
    );
    app.post(
      '/api/public-site/pages',
      {
        config: { access: 'none' },
        schema: { tags, body: PageSaveSchema, response: { 201: PageVersionSchema } },
      },
      async (request, reply) => {
        const saved = await inActorTx(deps, request, (ctx) => site.savePage(ctx, request.body));
        // After the commit: this process's visitors see the new version at once (others within seconds).
        forgetRenderedPages(deps);
        return reply.code(201).send(saved);
      },
    );
    app.post(
      '/api/public-site/publish',
      {
        config: { access: 'none' },
        schema: { tags, body: PublishSchema, response: { 200: PageVersionSchema } },
      },
      async (request) => {
        const published = await inActorTx(deps, request, (ctx) =>
          site.publishVersion(ctx, request.body.versionId),
        );
        forgetRenderedPages(deps);
        return published;
      },
    );
    app.get(
      '/api/public-site/brochure',
      { config: { access: 'none' }, schema: { tags, querystring: BrochureQuerySchema } },
      async (request, reply) =>
        sendFile(
          reply,
          await inActorTx(deps, request, (ctx) => brochure(ctx, request.query, baseUrl(deps, request))),
        ),
    );
    app.get(
      '/api/callbacks',
      {
        config: { access: { entity: 'callback_request', purpose: 'callback_queue' } },
        schema: { tags, response: { 200: CallbackListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => callbacks.listCallbacks(ctx)),
    );
    app.get(
      '/api/callbacks/:id',
      {
        config: { access: { entity: 'callback_request', param: 'id', purpose: 'callback' } },
        schema: { tags, params: IdParams, response: { 200: CallbackDetailSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => callbacks.openCallback(ctx, request.params.id)),
    );
    app.post(
      '/api/callbacks/:id/close',
      {
        config: { access: { entity: 'callback_request', param: 'id', purpose: 'callback', only: 'denied' } },
        schema: {
          tags,
          params: IdParams,
          body: CallbackCloseSchema,
          response: { 200: CallbackDetailSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => callbacks.closeCallback(ctx, request.params.id, request.body)),
    );
  };
}
