import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MyWorkSchema } from '../../../shared/work.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { markAlertRead, myWork } from './work.service.js';

export function workRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['work'];
  return async (app) => {
    app.get(
      '/api/my-work',
      {
        config: { access: { entity: 'my_work', purpose: 'worklist' } },
        schema: { tags, response: { 200: MyWorkSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => myWork(ctx)),
    );
    app.post(
      '/api/alerts/:id/read',
      {
        config: { access: 'none' },
        schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await inActorTx(deps, request, (ctx) => markAlertRead(ctx, request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}
