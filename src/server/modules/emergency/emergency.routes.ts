import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EmergencyCreateSchema,
  EmergencyDecisionSchema,
  EmergencyListSchema,
  EmergencyParamsSchema,
  EmergencyQuerySchema,
  EmergencyRequestSchema,
} from '../../../shared/emergency.schema.js';
import { SummaryQuerySchema, SummarySchema } from '../../../shared/referrals.schema.js';
import { CaseIdParamsSchema } from '../../../shared/cases.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import { FourEyesHealthSchema } from '../../../shared/four-eyes.schema.js';
import * as emergency from './emergency.service.js';
import { fourEyesHealth } from './four-eyes.service.js';

export function emergencyRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['emergency'];
  return async (app) => {
    app.get(
      '/api/cases/:id/emergency',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'emergency' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: EmergencyListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => emergency.caseEmergencies(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/emergency',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'emergency', only: 'denied' } },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          body: EmergencyCreateSchema,
          response: { 201: EmergencyRequestSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inActorTx(deps, request, (ctx) =>
              emergency.startEmergency(ctx, request.params.id, request.body),
            ),
          ),
    );
    app.get(
      '/api/emergency-requests',
      {
        config: { access: { entity: 'emergency_request', purpose: 'review' } },
        schema: { tags, querystring: EmergencyQuerySchema, response: { 200: EmergencyListSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => emergency.listEmergencies(ctx, request.query.status)),
    );
    app.get(
      '/api/four-eyes/health',
      { config: { access: 'none' }, schema: { tags, response: { 200: FourEyesHealthSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => fourEyesHealth(ctx)),
    );
    app.post(
      '/api/emergency-requests/:emergencyId/decision',
      {
        config: {
          access: { entity: 'emergency_request', param: 'emergencyId', purpose: 'decision', only: 'denied' },
        },
        schema: {
          tags,
          params: EmergencyParamsSchema,
          body: EmergencyDecisionSchema,
          response: { 200: EmergencyRequestSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          emergency.decideEmergency(ctx, request.params.emergencyId, request.body),
        ),
    );
    app.post(
      '/api/emergency-requests/:emergencyId/disclose',
      {
        config: {
          access: { entity: 'emergency_request', param: 'emergencyId', purpose: 'disclose', only: 'denied' },
        },
        schema: { tags, params: EmergencyParamsSchema, response: { 200: EmergencyRequestSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => emergency.discloseEmergency(ctx, request.params.emergencyId)),
    );
    app.get(
      '/api/emergency-requests/:emergencyId/summary',
      {
        config: { access: { entity: 'emergency_request', param: 'emergencyId', purpose: 'summary' } },
        schema: {
          tags,
          params: EmergencyParamsSchema,
          querystring: SummaryQuerySchema,
          response: { 200: SummarySchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          emergency.emergencySummary(ctx, request.params.emergencyId, request.query.lang),
        ),
    );
    app.get(
      '/api/emergency-requests/:emergencyId/summary.pdf',
      {
        config: { access: { entity: 'emergency_request', param: 'emergencyId', purpose: 'summary' } },
        schema: { tags, params: EmergencyParamsSchema, querystring: SummaryQuerySchema },
      },
      async (request, reply) => {
        const bytes = await inActorTx(deps, request, (ctx) =>
          emergency.emergencySummaryPdf(ctx, request.params.emergencyId, request.query.lang ?? 'nl'),
        );
        return sendFile(reply, { bytes, mediaType: 'application/pdf', name: 'emergency-summary.pdf' });
      },
    );
  };
}
