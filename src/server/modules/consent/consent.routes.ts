import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConsentCreateSchema,
  ConsentDocumentUploadSchema,
  ConsentListSchema,
  ConsentParamsSchema,
  ConsentSchema,
  ConsentSignSchema,
  ConsentWithdrawSchema,
  WithdrawResultSchema,
} from '../../../shared/consent.schema.js';
import { SummaryQuerySchema } from '../../../shared/referrals.schema.js';
import { CaseIdParamsSchema } from '../../../shared/cases.schema.js';
import type { Deps } from '../../lib/deps.js';
import { sendFile } from '../../lib/pdf-reply.js';
import { inActorTx } from '../../lib/request-context.js';
import * as consent from './consent.service.js';
import { consentFormPdf, readDocument, uploadDocument } from './consent-document.js';
import { recordConsent } from './record-consent.js';
import { confirmTypedSignature, signConsent } from './sign-consent.js';
import { withdrawConsent } from './withdraw-consent.js';

/** The device a typed signature was taken on, as its browser names itself (kept as evidence). */
const deviceOf = (request: FastifyRequest): string =>
  String(request.headers['user-agent'] ?? '').slice(0, 300);

/** A scanned form of up to 5 MB is about 6.7 MB of base64 (plain ASCII, so not the schema's 3 bytes a character). */
export const CONSENT_DOCUMENT_BODY_LIMIT = 8 * 1024 * 1024;
export function consentRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['consent'];
  return async (app) => {
    app.get(
      '/api/cases/:id/consents',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consents' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: ConsentListSchema } },
      },
      async (request) => inActorTx(deps, request, (ctx) => consent.listConsents(ctx, request.params.id)),
    );
    app.post(
      '/api/cases/:id/consents',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent', only: 'denied' } },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          body: ConsentCreateSchema,
          response: { 201: ConsentSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await inActorTx(deps, request, (ctx) =>
              recordConsent(ctx, request.params.id, { ...request.body, device: deviceOf(request) }),
            ),
          ),
    );
    app.post(
      '/api/cases/:id/consents/:consentId/sign',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent', only: 'denied' } },
        schema: {
          tags,
          params: ConsentParamsSchema,
          body: ConsentSignSchema,
          response: { 200: ConsentSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          signConsent(ctx, request.params.id, request.params.consentId, {
            ...request.body,
            device: deviceOf(request),
          }),
        ),
    );
    app.post(
      '/api/cases/:id/consents/:consentId/confirm',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent', only: 'denied' } },
        schema: { tags, params: ConsentParamsSchema, response: { 200: ConsentSchema } },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          confirmTypedSignature(ctx, request.params.id, request.params.consentId),
        ),
    );
    app.put(
      '/api/cases/:id/consents/:consentId/document',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent', only: 'denied' } },
        bodyLimit: CONSENT_DOCUMENT_BODY_LIMIT,
        schema: {
          tags,
          params: ConsentParamsSchema,
          body: ConsentDocumentUploadSchema,
          response: { 200: ConsentSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          uploadDocument(ctx, request.params.id, request.params.consentId, request.body),
        ),
    );
    app.get(
      '/api/cases/:id/consents/:consentId/document',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent_document' } },
        schema: { tags, params: ConsentParamsSchema },
      },
      async (request, reply) => {
        const file = await inActorTx(deps, request, (ctx) =>
          readDocument(ctx, request.params.id, request.params.consentId),
        );
        // The stored name may carry a person's name: the download gets a neutral one.
        const ext =
          { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[file.mediaType] ?? 'bin';
        return sendFile(reply, {
          bytes: file.bytes,
          mediaType: file.mediaType,
          name: `signed-consent-form.${ext}`,
        });
      },
    );
    app.post(
      '/api/cases/:id/consents/:consentId/withdraw',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent', only: 'denied' } },
        schema: {
          tags,
          params: ConsentParamsSchema,
          body: ConsentWithdrawSchema,
          response: { 200: WithdrawResultSchema },
        },
      },
      async (request) =>
        inActorTx(deps, request, (ctx) =>
          withdrawConsent(ctx, request.params.id, request.params.consentId, request.body),
        ),
    );
    app.get(
      '/api/cases/:id/consents/:consentId/form.pdf',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'consent_form' } },
        schema: { tags, params: ConsentParamsSchema, querystring: SummaryQuerySchema },
      },
      async (request, reply) => {
        const bytes = await inActorTx(deps, request, (ctx) =>
          consentFormPdf(ctx, request.params.id, request.params.consentId, request.query.lang),
        );
        return sendFile(reply, { bytes, mediaType: 'application/pdf', name: 'consent-form.pdf' });
      },
    );
  };
}
