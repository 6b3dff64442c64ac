import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChecklistSchema } from '../../../shared/checklist.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { dismissChecklist, getChecklist } from './checklist.service.js';

export function checklistRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['organisation'];
  return async (app) => {
    app.get(
      '/api/organisation/checklist',
      { config: { access: 'none' }, schema: { tags, response: { 200: ChecklistSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => getChecklist(ctx)),
    );
    app.post(
      '/api/organisation/checklist/dismiss',
      { config: { access: 'none' }, schema: { tags, response: { 200: ChecklistSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => dismissChecklist(ctx)),
    );
  };
}
