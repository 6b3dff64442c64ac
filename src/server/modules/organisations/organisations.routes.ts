import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgSettingsSchema, OrgSettingsUpdateSchema } from '../../../shared/work.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { getSettings, updateSettings } from './organisations.service.js';

export function organisationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['organisation'];
  return async (app) => {
    app.get(
      '/api/organisation/settings',
      { config: { access: 'none' }, schema: { tags, response: { 200: OrgSettingsSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => getSettings(ctx)),
    );
    app.patch(
      '/api/organisation/settings',
      {
        config: { access: 'none' },
        schema: { tags, body: OrgSettingsUpdateSchema, response: { 200: OrgSettingsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => updateSettings(ctx, request.body)),
    );
  };
}
