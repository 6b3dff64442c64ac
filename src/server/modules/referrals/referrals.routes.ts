import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DisclosureListSchema,
  DisclosureExportQuerySchema,
  DisclosureQuerySchema,
  ReferralCancelSchema,
  ReferralCreateSchema,
  ReferralListSchema,
  ReferralParamsSchema,
  ReferralRespondSchema,
  ReferralSchema,
  ReferralSendSchema,
  SummaryQuerySchema,
  SummarySchema,
} from '../../../shared/referrals.schema.js';
import { CaseIdParamsSchema } from '../../../shared/cases.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import * as disclosures from './disclosures.service.js';
import * as referrals from './referrals.service.js';

export function referralsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['referrals'];
  return async (app) => {
    app.get(
      '/api/cases/:id/referrals',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referrals' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: ReferralListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => referrals.listReferrals(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/referrals',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral', only: 'denied' } },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          body: ReferralCreateSchema,
          response: { 201: ReferralSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inActorTx(deps, request, (ctx) =>
              referrals.proposeReferral(ctx, request.params.id, request.body),
            ),
          ),
    );
    app.post(
      '/api/cases/:id/referrals/:referralId/send',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral', only: 'denied' } },
        schema: {
          tags,
          params: ReferralParamsSchema,
          body: ReferralSendSchema,
          response: { 200: ReferralSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          referrals.sendReferral(ctx, request.params.id, request.params.referralId, request.body),
        ),
    );
    app.post(
      '/api/cases/:id/referrals/:referralId/respond',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral', only: 'denied' } },
        schema: {
          tags,
          params: ReferralParamsSchema,
          body: ReferralRespondSchema,
          response: { 200: ReferralSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          referrals.respondReferral(ctx, request.params.id, request.params.referralId, request.body),
        ),
    );
    app.post(
      '/api/cases/:id/referrals/:referralId/cancel',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral', only: 'denied' } },
        schema: {
          tags,
          params: ReferralParamsSchema,
          body: ReferralCancelSchema,
          response: { 200: ReferralSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          referrals.cancelReferral(ctx, request.params.id, request.params.referralId, request.body),
        ),
    );
    app.get(
      '/api/cases/:id/referrals/:referralId/summary',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral_summary' } },
        schema: {
          tags,
          params: ReferralParamsSchema,
          querystring: SummaryQuerySchema,
          response: { 200: SummarySchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          referrals.referralSummary(ctx, request.params.id, request.params.referralId, request.query.lang),
        ),
    );
    // What "send" would hand over, under the same checks as sending; nothing is created or sent.
    app.get(
      '/api/cases/:id/referrals/:referralId/preview',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral_preview' } },
        schema: {
          tags,
          params: ReferralParamsSchema,
          querystring: SummaryQuerySchema,
          response: { 200: SummarySchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          referrals.previewReferral(ctx, request.params.id, request.params.referralId, request.query.lang),
        ),
    );
    app.get(
      '/api/cases/:id/referrals/:referralId/summary.pdf',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'referral_summary' } },
        schema: { tags, params: ReferralParamsSchema, querystring: SummaryQuerySchema },
      },
      async (request, reply) => {
        const bytes = await inActorTx(deps, request, (ctx) =>
          referrals.referralSummaryPdf(
            ctx,
            request.params.id,
            request.params.referralId,
            request.query.lang ?? 'nl',
          ),
        );
        return sendFile(reply, { bytes, mediaType: 'application/pdf', name: 'referral-summary.pdf' });
      },
    );
    app.get(
      '/api/cases/:id/disclosures',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'disclosures' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: DisclosureListSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) => disclosures.caseDisclosures(ctx, request.params.id)),
    );
    app.get(
      '/api/disclosures',
      {
        config: { access: { entity: 'disclosure', purpose: 'list' } },
        schema: { tags, querystring: DisclosureQuerySchema, response: { 200: DisclosureListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => disclosures.disclosureLog(ctx, request.query)),
    );
    app.get(
      '/api/disclosures/export.csv',
      {
        config: { access: { entity: 'disclosure', purpose: 'export' } },
        schema: { tags, querystring: DisclosureExportQuerySchema },
      },
      async (request, reply) => {
        const csv = await inActorTx(deps, request, (ctx) =>
          disclosures.exportDisclosureCsv(ctx, request.query),
        );
        return sendFile(reply, {
          bytes: Buffer.from(csv),
          mediaType: 'text/csv; charset=utf-8',
          name: 'disclosure-log.csv',
        });
      },
    );
  };
}
