import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import type {
  Consent,
  ConsentCreate,
  ConsentDocumentUploadSchema,
  ConsentSignSchema,
  ConsentWithdrawSchema,
  FormLanguage,
} from '../../../shared/consent.schema.js';
import { MAX_DOCUMENT_BYTES } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openBytes, openOptional, openText, sealBytes, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { addDays } from '../cases/aftercare.service.js';
import { addSystemTask, completeSystemTasks } from '../cases/case-items.service.js';
import { loadCase, todayOf } from '../cases/cases.service.js';
import { consentSettings } from '../organisations/organisations.service.js';
import { afterConsentWithdrawn } from '../referrals/referrals.service.js';
import { consentStatus } from './consent.coverage.js';
import { renderConsentForm } from './consent-form.js';
import * as repo from './consent.repository.js';

const MAX_SIGNATURE_BYTES = 300 * 1024;

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', undefined, { errors: [{ field, reason, message }] });

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
  // 31 January + 1 month is the last day of February, not 3 March.
  if (target.getUTCDate() !== d.getUTCDate()) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

function decodeBase64(data: string, field: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw invalid(field, 'invalid_base64', 'Send the file as base64');
  return Buffer.from(clean, 'base64');
}

/** A drawn signature must really be a PNG image of reasonable size. */
async function checkDrawnSignature(data: string | undefined, field: string): Promise<Buffer> {
  if (!data) throw invalid(field, 'required', 'Draw the signature');
  const bytes = decodeBase64(data, field);
  if (bytes.length === 0 || bytes.length > MAX_SIGNATURE_BYTES)
    throw invalid(field, 'too_big', 'The drawn signature is too large');
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== 'image/png') throw invalid(field, 'not_png', 'The drawn signature must be a PNG image');
  return bytes;
}

async function signatureOf(input: {
  method: string;
  typedName?: string | undefined;
  drawnSignature?: string | undefined;
}): Promise<{ typedName: string | null; drawn: Buffer | null }> {
  if (input.method === 'signature_typed') {
    if (!input.typedName?.trim())
      throw invalid('typedName', 'required', 'Type the name of the person signing');
    return { typedName: input.typedName.trim(), drawn: null };
  }
  if (input.method === 'signature_drawn')
    return { typedName: null, drawn: await checkDrawnSignature(input.drawnSignature, 'drawnSignature') };
  return { typedName: null, drawn: null };
}

async function toConsent(ctx: Ctx, r: repo.ConsentRow): Promise<Consent> {
  return {
    id: r.id,
    caseId: r.case_id,
    givenBy: await openText(ctx, 'consents', 'given_by', r.id, r.given_by_enc),
    categories: r.categories,
    partner:
      r.partner_id && r.partner_name && r.partner_kind
        ? { id: r.partner_id, name: r.partner_name, type: r.partner_kind }
        : null,
    partnerType: r.partner_type,
    purpose: r.purpose,
    purposeNote: await openOptional(ctx, 'consents', 'purpose_note', r.id, r.purpose_note_enc),
    method: r.method,
    language: r.language,
    givenOn: r.given_on,
    validUntil: r.valid_until,
    status: consentStatus(repo.toFacts(r), todayOf(ctx)),
    writtenOn: r.written_on,
    writtenDueOn: r.written_on ? null : r.written_due_on,
    typedName: r.typed_name_enc
      ? await openText(ctx, 'consents', 'typed_name', r.id, r.typed_name_enc)
      : null,
    hasDrawnSignature: r.drawn_signature_enc !== null,
    document:
      r.document_id && r.file_name_enc && r.media_type && r.document_size !== null && r.uploaded_at
        ? {
            fileName: await openText(ctx, 'consent_documents', 'file_name', r.document_id, r.file_name_enc),
            mediaType: r.media_type,
            size: r.document_size,
            uploadedAt: r.uploaded_at.toISOString(),
          }
        : null,
    withdrawnOn: r.withdrawn_on,
    withdrawalNote: await openOptional(ctx, 'consents', 'withdrawal_note', r.id, r.withdrawal_note_enc),
    recordedBy: r.recorded_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

async function getConsent(ctx: Ctx, caseId: string, id: string): Promise<Consent> {
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  return toConsent(ctx, row);
}

/** Consent records of a case, newest first. Reading them is reading the case. */
export async function listConsents(
  ctx: Ctx,
  caseId: string,
): Promise<{ items: Consent[]; canManage: boolean }> {
  const { row } = await loadCase(ctx, caseId, 'case.view');
  const rows = await repo.listConsentRows(ctx.db, caseId);
  await recordAccess(ctx, { entity: 'case', entityId: caseId, purpose: 'consents' });
  return { items: await Promise.all(rows.map((r) => toConsent(ctx, r))), canManage: row.state !== 'closed' };
}

/**
 * Records the caller's consent. Written at once with an in-app signature; "pending written" when verbal
 * (a task is due within the organisation's days) or while the signed form is not uploaded yet.
 */
export const createConsent = idempotent(
  'consent',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: ConsentCreate, { row: kase }) => {
    const actor = ctx.actor as Actor;
    const today = todayOf(ctx);
    if ((input.partnerId === null) === (input.partnerType === null))
      throw invalid('partnerId', 'partner_or_type', 'Choose one partner, or a partner type');
    if (input.partnerId) {
      const partner = await ctx.db
        .selectFrom('partners')
        .select(['id', 'active'])
        .where('id', '=', input.partnerId)
        .executeTakeFirst();
      if (!partner?.active)
        throw invalid('partnerId', 'unknown_partner', 'Choose a partner from the directory');
    }
    if (input.givenOn > today) throw invalid('givenOn', 'in_future', 'Consent cannot be given in the future');
    const settings = await consentSettings(ctx);
    const longest = addMonths(input.givenOn, settings.validMonths);
    const validUntil = input.validUntil ?? longest;
    if (validUntil > longest)
      throw invalid(
        'validUntil',
        'too_long',
        `Consent runs at most ${settings.validMonths} months here (until ${longest}); ask again after that`,
      );
    if (validUntil < input.givenOn)
      throw invalid('validUntil', 'before_given', 'Valid until must be after the date given');
    const { typedName, drawn } = await signatureOf(input);
    const written = input.method === 'signature_typed' || input.method === 'signature_drawn';
    const id = randomUUID();
    const writtenDueOn = written ? null : addDays(input.givenOn, settings.writtenDays);
    await repo.insertConsent(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      given_by_enc: await sealText(ctx, 'consents', 'given_by', id, input.givenBy),
      categories: [...new Set(input.categories)],
      partner_id: input.partnerId,
      partner_type: input.partnerType,
      purpose: input.purpose,
      purpose_note_enc: input.purposeNote
        ? await sealText(ctx, 'consents', 'purpose_note', id, input.purposeNote)
        : null,
      method: input.method,
      language: input.language,
      given_on: input.givenOn,
      valid_until: validUntil,
      written_on: written ? today : null,
      written_due_on: writtenDueOn,
      typed_name_enc: typedName ? await sealText(ctx, 'consents', 'typed_name', id, typedName) : null,
      drawn_signature_enc: drawn ? await sealBytes(ctx, 'consents', 'drawn_signature', id, drawn) : null,
      recorded_by: actor.userId,
      created_at: ctx.clock.now(),
    });
    if (writtenDueOn)
      await addSystemTask(ctx, {
        caseId,
        kind: 'consent_written',
        title: input.givenBy,
        dueOn: writtenDueOn,
        assigneeId: kase.counsellor_id ?? actor.userId,
        refId: id,
      });
    await audit(ctx, {
      action: 'consent.record',
      entity: 'consent',
      entityId: id,
      changedFields: ['given_by', 'categories', 'partner', 'purpose', 'method', 'given_on', 'valid_until'],
      details: {
        caseId,
        method: input.method,
        purpose: input.purpose,
        categories: input.categories.join(','),
      },
    });
    return { id };
  },
);

export async function recordConsent(ctx: Ctx, caseId: string, input: ConsentCreate): Promise<Consent> {
  // Checked here too: a retried request id must not return a record to someone who may not see it.
  await loadCase(ctx, caseId, 'case.edit');
  const { id } = await createConsent(ctx, caseId, input);
  return getConsent(ctx, caseId, id);
}

/** Locks the consent row: concurrent uploads, signatures and withdrawals of one consent queue up. */
async function lockConsent(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.selectFrom('consents').select('id').where('id', '=', id).forUpdate().execute();
}

async function consentForChange(ctx: Ctx, caseId: string, id: string) {
  await loadCase(ctx, caseId, 'case.edit');
  await lockConsent(ctx, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was withdrawn');
  return row;
}

/** Makes a pending consent written with an in-app signature. */
export async function signConsent(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ConsentSignSchema>,
): Promise<Consent> {
  const row = await consentForChange(ctx, caseId, id);
  if (row.written_on) throw new AppError('invalid_transition', 'This consent is already written');
  const { typedName, drawn } = await signatureOf(input);
  await ctx.db
    .updateTable('consents')
    .set({
      written_on: todayOf(ctx),
      method: input.method,
      typed_name_enc: typedName ? await sealText(ctx, 'consents', 'typed_name', id, typedName) : null,
      drawn_signature_enc: drawn ? await sealBytes(ctx, 'consents', 'drawn_signature', id, drawn) : null,
    })
    .where('id', '=', id)
    .execute();
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.sign',
    entity: 'consent',
    entityId: id,
    changedFields: ['written_on', 'method', 'signature'],
    details: { caseId },
  });
  return getConsent(ctx, caseId, id);
}

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
  if (bytes.length === 0) throw invalid('data', 'empty', 'The file is empty');
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !['application/pdf', 'image/jpeg', 'image/png'].includes(type.mime))
    throw new AppError('unsupported_file');
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
  if (!row.written_on)
    await ctx.db
      .updateTable('consents')
      .set({ written_on: todayOf(ctx) })
      .where('id', '=', id)
      .execute();
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

/**
 * Withdrawal is immediate and possible at any time, also on a closed case: from now on the consent covers
 * nothing; pending referrals that relied on it are cancelled and, if partners were already reached, a task
 * is created to inform them.
 */
export async function withdrawConsent(
  ctx: Ctx,
  caseId: string,
  id: string,
  input: z.infer<typeof ConsentWithdrawSchema>,
): Promise<{ consent: Consent; cancelledReferrals: string[]; informTaskId: string | null }> {
  const { row: kase } = await loadCase(ctx, caseId, 'case.view');
  await lockConsent(ctx, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was already withdrawn');
  const today = todayOf(ctx);
  const withdrawnOn = input.withdrawnOn ?? today;
  if (withdrawnOn > today)
    throw invalid('withdrawnOn', 'in_future', 'A withdrawal cannot be dated in the future');
  await ctx.db
    .updateTable('consents')
    .set({
      withdrawn_on: withdrawnOn,
      withdrawn_at: ctx.clock.now(),
      withdrawal_note_enc: input.note
        ? await sealText(ctx, 'consents', 'withdrawal_note', id, input.note)
        : null,
    })
    .where('id', '=', id)
    .execute();
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.withdraw',
    entity: 'consent',
    entityId: id,
    changedFields: ['withdrawn_on', 'withdrawal_note'],
    details: { caseId },
  });
  const effects = await afterConsentWithdrawn(ctx, {
    caseId,
    consentId: id,
    counsellorId: kase.counsellor_id,
  });
  return { consent: await getConsent(ctx, caseId, id), ...effects };
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
  const consent = await toConsent(ctx, row);
  const org = await ctx.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', ctx.actor.orgId)
    .executeTakeFirstOrThrow();
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
