import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessPageSchema,
  AccessQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerifySchema,
} from '../../../shared/audit.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import * as auditService from './audit.service.js';

const ActorListSchema = z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) });

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['audit'];
  return async (app) => {
    const none = { access: 'none' } as const;
    app.get(
      '/api/audit',
      { config: none, schema: { tags, querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => auditService.listAudit(ctx, request.query)),
    );
    app.post(
      '/api/audit/verify',
      { config: none, schema: { tags, response: { 200: AuditVerifySchema } } },
      async (request) =>
        inActorTx(deps, request, (ctx) => auditService.verifyOwnChain(ctx, deps.config.dataDir)),
    );
    app.post(
      '/api/audit/checkpoint',
      { config: none, schema: { tags, response: { 200: AuditVerifySchema } } },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          auditService.verifyOwnChain(ctx, deps.config.dataDir, { checkpoint: true }),
        ),
    );
    app.get(
      '/api/audit/actors',
      { config: none, schema: { tags, response: { 200: ActorListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => auditService.listActors(ctx)),
    );
    app.get(
      '/api/access-log',
      { config: none, schema: { tags, querystring: AccessQuerySchema, response: { 200: AccessPageSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => auditService.listAccessLog(ctx, request.query)),
    );
  };
}
