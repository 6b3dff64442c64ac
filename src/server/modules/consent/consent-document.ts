import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Consent, ConsentDocumentUploadSchema, FormLanguage } from '../../../shared/consent.schema.js';
import { MAX_DOCUMENT_BYTES } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { checkJpeg, checkPng, DOCUMENT_IMAGE_LIMITS } from '../../lib/pdf/images.js';
import { openBytes, openText, sealBytes, sealText } from '../../lib/fields.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { completeSystemTasks } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { getOrganisation } from '../organisations/organisations.repository.js';
import { renderConsentForm } from './consent-form.js';
import * as repo from './consent.repository.js';
import { checkImage, consentForChange, decodeBase64, getConsent, toConsent } from './consent.service.js';

/** The documents of a consent: the uploaded signed form, and the form as a PDF to print and sign. */

/** Stores a signed form (PDF, JPEG or PNG by content, at most 5 MB), encrypted; the consent becomes written. */
export async function uploadDocument(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ConsentDocumentUploadSchema>,
): Promise<Consent> {
  const row = await consentForChange(ctx, caseId, id);
  if (row.document_id) throw new AppError('conflict', 'This consent already has a signed form');
  const bytes = decodeBase64(input.data, 'data');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new AppError('payload_too_large', 'The file is larger than 5 MB');
  if (bytes.length === 0) throw invalidField('data', 'empty', 'The file is empty');
  const { fileTypeFromBuffer } = await import('file-type'); // on the first upload, not at start
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !['application/pdf', 'image/jpeg', 'image/png'].includes(type.mime))
    throw new AppError('unsupported_file');
  // Images are checked completely (dimensions before any decoding): whoever opens the form gets a sound file.
  if (type.mime === 'image/png') checkImage('data', () => checkPng(bytes, DOCUMENT_IMAGE_LIMITS));
  if (type.mime === 'image/jpeg') checkImage('data', () => checkJpeg(bytes, DOCUMENT_IMAGE_LIMITS));
  const docId = randomUUID();
  await repo.insertDocument(ctx.db, {
    id: docId,
    org_id: row.org_id,
    consent_id: id,
    file_name_enc: await sealText(ctx, 'consent_documents', 'file_name', docId, input.fileName),
    media_type: type.mime as 'application/pdf' | 'image/jpeg' | 'image/png',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest(),
    content_enc: await sealBytes(ctx, 'consent_documents', 'content', docId, bytes),
    uploaded_by: (ctx.actor as Actor).userId,
    uploaded_at: ctx.clock.now(),
  });
  if (!row.written_on) await repo.updateConsent(ctx.db, id, { written_on: await todayOf(ctx) });
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.document_upload',
    entity: 'consent',
    entityId: id,
    changedFields: ['document', 'written_on'],
    details: { caseId, mediaType: type.mime, size: bytes.length },
  });
  return getConsent(ctx, caseId, id);
}

/** The signed form itself; every view is in the access log. */
export async function readDocument(
  ctx: Ctx,
  caseId: string,
  id: string,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  await loadCase(ctx, caseId, 'case.view');
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  const doc = row ? await repo.findDocument(ctx.db, id) : undefined;
  if (!doc) throw new AppError('not_found', 'No signed form');
  await recordAccess(ctx, { entity: 'consent_document', entityId: doc.id, purpose: 'view' });
  return {
    fileName: await openText(ctx, 'consent_documents', 'file_name', doc.id, doc.file_name_enc),
    mediaType: doc.media_type,
    bytes: await openBytes(ctx, 'consent_documents', 'content', doc.id, doc.content_enc),
  };
}

/** The printable form in the caller's language (or another), with the exact scope and how to withdraw. */
export async function consentFormPdf(
  ctx: Ctx,
  caseId: string,
  id: string,
  lang: FormLanguage | undefined,
): Promise<Buffer> {
  const { row: kase } = await loadCase(ctx, caseId, 'case.view');
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  const consent = await toConsent(ctx, row, await todayOf(ctx));
  const org = await getOrganisation(ctx.db, ctx.actor.orgId);
  await recordAccess(ctx, { entity: 'consent', entityId: id, purpose: 'form_pdf' });
  return renderConsentForm({
    organisation: org.name,
    caseReference: kase.reference,
    language: lang ?? consent.language,
    givenBy: consent.givenBy,
    categories: consent.categories,
    partnerName: consent.partner?.name ?? null,
    partnerType: consent.partner ? null : consent.partnerType,
    purpose: consent.purpose,
    purposeNote: consent.purposeNote,
    givenOn: consent.givenOn,
    validUntil: consent.validUntil,
    method: consent.method,
    typedName: consent.typedName,
    drawnSignature: row.drawn_signature_enc
      ? await openBytes(ctx, 'consents', 'drawn_signature', id, row.drawn_signature_enc)
      : null,
    writtenOn: consent.writtenOn,
  });
}
