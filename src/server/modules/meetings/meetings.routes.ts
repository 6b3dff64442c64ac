import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MeetingCreateSchema,
  MeetingListSchema,
  MeetingParamsSchema,
  MeetingSchema,
} from '../../../shared/meetings.schema.js';
import { SummaryQuerySchema, SummarySchema } from '../../../shared/referrals.schema.js';
import { CaseIdParamsSchema } from '../../../shared/cases.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import * as meetings from './meetings.service.js';

export function meetingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['case meetings'];
  return async (app) => {
    app.get(
      '/api/cases/:id/meetings',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'meetings' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: MeetingListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => meetings.listMeetings(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/meetings',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'meeting', only: 'denied' } },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          body: MeetingCreateSchema,
          response: { 201: MeetingSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inActorTx(deps, request, (ctx) =>
              meetings.recordMeeting(ctx, request.params.id, request.body),
            ),
          ),
    );
    app.get(
      '/api/cases/:id/meetings/:meetingId/summary',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'meeting_summary' } },
        schema: {
          tags,
          params: MeetingParamsSchema,
          querystring: SummaryQuerySchema,
          response: { 200: SummarySchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          meetings.meetingSummary(ctx, request.params.id, request.params.meetingId, request.query.lang),
        ),
    );
    app.get(
      '/api/cases/:id/meetings/:meetingId/summary.pdf',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'meeting_summary' } },
        schema: { tags, params: MeetingParamsSchema, querystring: SummaryQuerySchema },
      },
      async (request, reply) => {
        const bytes = await inActorTx(deps, request, (ctx) =>
          meetings.meetingSummaryPdf(
            ctx,
            request.params.id,
            request.params.meetingId,
            request.query.lang ?? 'nl',
          ),
        );
        return sendFile(reply, { bytes, mediaType: 'application/pdf', name: 'case-meeting-summary.pdf' });
      },
    );
    app.post(
      '/api/cases/:id/meetings/:meetingId/share',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'meeting', only: 'denied' } },
        schema: { tags, params: MeetingParamsSchema, response: { 200: MeetingSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          meetings.shareMeeting(ctx, request.params.id, request.params.meetingId),
        ),
    );
  };
}
