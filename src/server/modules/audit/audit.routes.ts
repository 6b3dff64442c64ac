import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessExportQuerySchema,
  AccessPageSchema,
  AccessQuerySchema,
  AuditExportQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerifySchema,
} from '../../../shared/audit.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import { exportAccessCsv, exportAuditCsv } from './audit.export.js';
import * as auditService from './audit.service.js';

const CSV = 'text/csv; charset=utf-8';
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
    // Exports: GET with the list's filters (codes, dates, a case reference: no case content in the address).
    app.get(
      '/api/audit/export.csv',
      { config: none, schema: { tags, querystring: AuditExportQuerySchema } },
      async (request, reply) => {
        const out = await inActorTx(deps, request, (ctx) => exportAuditCsv(ctx, request.query));
        return sendFile(reply, { bytes: Buffer.from(out.csv), mediaType: CSV, name: 'audit-log.csv' });
      },
    );
    app.get(
      '/api/access-log/export.csv',
      { config: none, schema: { tags, querystring: AccessExportQuerySchema } },
      async (request, reply) => {
        const out = await inActorTx(deps, request, (ctx) => exportAccessCsv(ctx, request.query));
        return sendFile(reply, { bytes: Buffer.from(out.csv), mediaType: CSV, name: 'access-log.csv' });
      },
    );
  };
}
