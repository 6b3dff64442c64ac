import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { sendProblem } from '../../plugins/problem.js';
import { pingDatabase } from './health.repository.js';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

/** Liveness and readiness in one: answers ok only when the database answers. */
export function healthRoutes(deps: Deps, kind: 'pglite' | 'postgres'): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'none', auth: 'public' },
        schema: { tags: ['health'], response: { 200: HealthSchema } },
      },
      async (request, reply) => {
        try {
          await pingDatabase(deps.db);
          return { status: 'ok' as const, database: kind };
        } catch (err) {
          request.log.error({ err: (err as Error).message }, 'health check failed');
          return sendProblem(reply, 'unavailable', 'The database does not answer');
        }
      },
    );
  };
}
