import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginResultSchema, SetupSchema, SetupStatusSchema } from '../../../shared/auth.schema.js';
import type { Deps } from '../../lib/deps.js';
import { setSessionCookie } from '../../plugins/session.js';
import { csrfTokenFor } from '../auth/sessions.service.js';
import { runSetup, setupNeeded } from './setup.service.js';

export function setupRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/setup/status',
      {
        config: { access: 'none', auth: 'public' },
        schema: { tags: ['setup'], response: { 200: SetupStatusSchema } },
      },
      async () => ({ needed: await setupNeeded(deps) }),
    );
    app.post(
      '/api/setup',
      {
        config: { access: 'none', auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['setup'], body: SetupSchema, response: { 201: LoginResultSchema } },
      },
      async (request, reply) => {
        const token = await runSetup(deps, request.body);
        setSessionCookie(request, reply, token);
        return reply.code(201).send({ stage: 'enrol', csrfToken: csrfTokenFor(deps, token) });
      },
    );
  };
}
