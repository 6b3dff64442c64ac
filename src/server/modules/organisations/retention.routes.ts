import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RetentionSettingsSchema } from '../../../shared/retention.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { retentionSettings, updateRetention } from './retention.service.js';

export function retentionRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['organisation'];
  return async (app) => {
    app.get(
      '/api/organisation/retention-settings',
      { config: { access: 'none' }, schema: { tags, response: { 200: RetentionSettingsSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => retentionSettings(ctx)),
    );
    app.put(
      '/api/organisation/retention-settings',
      {
        config: { access: 'none' },
        schema: { tags, body: RetentionSettingsSchema, response: { 200: RetentionSettingsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => updateRetention(ctx, request.body)),
    );
  };
}
