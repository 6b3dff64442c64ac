import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgSettingsSchema, OrgSettingsUpdateSchema } from '../../../shared/work.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { EmergencySettingsSchema } from '../../../shared/four-eyes.schema.js';
import { emergencySettings, getSettings, updateEmergency, updateSettings } from './organisations.service.js';

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
    app.get(
      '/api/organisation/emergency-settings',
      { config: { access: 'none' }, schema: { tags, response: { 200: EmergencySettingsSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => emergencySettings(ctx)),
    );
    app.put(
      '/api/organisation/emergency-settings',
      {
        config: { access: 'none' },
        schema: { tags, body: EmergencySettingsSchema, response: { 200: EmergencySettingsSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => updateEmergency(ctx, request.body)),
    );
  };
}
