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
import { isAuthorityDisclosure, MAX_DOCUMENT_BYTES } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, addMonths, type Day } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import {
  checkJpeg,
  checkPng,
  DOCUMENT_IMAGE_LIMITS,
  ImageRejected,
  normaliseSignaturePng,
} from '../../lib/pdf/images.js';
import { openBytes, openOptional, openText, sealBytes, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { addSystemTask, completeSystemTasks } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { getOrganisation } from '../organisations/organisations.repository.js';
import { consentSettings } from '../organisations/organisations.service.js';
import { findPartnerType, isActivePartner } from '../partners/partners.repository.js';
import { afterConsentWithdrawn } from '../referrals/referrals.service.js';
import { afterCallerConsentWithdrawn } from '../peers/peer-links.service.js';
import { alertCoordinators } from '../cases/alerts.service.js';
import { authorizeConfirmTypedSignature, canConfirmTypedSignature } from './consent.policy.js';
import { consentStatus } from './consent.coverage.js';
import { renderConsentForm } from './consent-form.js';
import * as repo from './consent.repository.js';

function decodeBase64(data: string, field: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw invalidField(field, 'invalid_base64', 'Send the file as base64');
  return Buffer.from(clean, 'base64');
}

/** Turns a refused image into a 400 naming the field and why; nothing is stored. */
function checkImage<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ImageRejected) throw invalidField(field, error.reason, error.message);
    throw error;
  }
}

/**
 * A drawn signature must be a complete, undamaged PNG of bounded size; what is stored is the image written
 * again as plain RGB on white (see normaliseSignaturePng), never the bytes as sent.
 */
function checkDrawnSignature(data: string | undefined, field: string): Buffer {
  if (!data) throw invalidField(field, 'required', 'Draw the signature');
  const bytes = decodeBase64(data, field);
  return checkImage(field, () => normaliseSignaturePng(bytes));
}

interface TypedEvidence {
  present: string;
  shownText: string;
  device: string;
}

interface Signature {
  typedName: string | null;
  drawn: Buffer | null;
  evidence: TypedEvidence | null;
}

async function signatureOf(input: {
  method: string;
  typedName?: string | undefined;
  typedEvidence?: { present: string; shownText: string } | undefined;
  drawnSignature?: string | undefined;
  device: string;
}): Promise<Signature> {
  if (input.method === 'signature_typed') {
    if (!input.typedName?.trim())
      throw invalidField('typedName', 'required', 'Type the name of the person signing');
    // A typed name proves little on its own: who was there and what they were shown is kept with it.
    if (!input.typedEvidence)
      throw invalidField('typedEvidence', 'required', 'Say who was present and send the text that was shown');
    return {
      typedName: input.typedName.trim(),
      drawn: null,
      evidence: { ...input.typedEvidence, device: input.device.slice(0, 300) },
    };
  }
  if (input.method === 'signature_drawn')
    return {
      typedName: null,
      drawn: checkDrawnSignature(input.drawnSignature, 'drawnSignature'),
      evidence: null,
    };
  return { typedName: null, drawn: null, evidence: null };
}

/** The columns a signature sets on its consent row, free text sealed to that row. */
async function signatureColumns(ctx: Ctx, id: string, sig: Signature) {
  const ev = sig.evidence;
  return {
    typed_name_enc: sig.typedName ? await sealText(ctx, 'consents', 'typed_name', id, sig.typedName) : null,
    drawn_signature_enc: sig.drawn
      ? await sealBytes(ctx, 'consents', 'drawn_signature', id, sig.drawn)
      : null,
    typed_present_enc: ev ? await sealText(ctx, 'consents', 'typed_present', id, ev.present) : null,
    typed_device_enc: ev ? await sealText(ctx, 'consents', 'typed_device', id, ev.device) : null,
    typed_shown_text_enc: ev ? await sealText(ctx, 'consents', 'typed_shown_text', id, ev.shownText) : null,
    typed_shown_sha256: ev ? createHash('sha256').update(ev.shownText, 'utf8').digest() : null,
    typed_signed_at: ev ? ctx.clock.now() : null,
    typed_signed_by: ev ? (ctx.actor as Actor).userId : null,
  };
}

/** Alerts the coordinators when a typed signature now waits for one of them before the authorities. */
async function askConfirmation(
  ctx: Ctx,
  caseId: string,
  scope: { purpose: ConsentCreate['purpose']; partnerType: string | null },
): Promise<void> {
  if (isAuthorityDisclosure(scope.purpose, scope.partnerType))
    await alertCoordinators(ctx, 'consent_confirmation', caseId);
}

async function typedEvidenceOf(ctx: Ctx, r: repo.ConsentRow): Promise<Consent['typedEvidence']> {
  if (r.method !== 'signature_typed' || !r.typed_shown_sha256 || !r.typed_signed_at) return null;
  return {
    present: await openOptional(ctx, 'consents', 'typed_present', r.id, r.typed_present_enc),
    device: await openOptional(ctx, 'consents', 'typed_device', r.id, r.typed_device_enc),
    shownText: await openOptional(ctx, 'consents', 'typed_shown_text', r.id, r.typed_shown_text_enc),
    shownTextSha256: Buffer.from(r.typed_shown_sha256).toString('hex'),
    signedAt: r.typed_signed_at.toISOString(),
    signedBy: r.typed_signed_by_name,
    confirmedBy: r.typed_confirmed_by ? (r.typed_confirmed_by_name ?? '') : null,
    confirmedAt: r.typed_confirmed_at?.toISOString() ?? null,
  };
}

/** A typed signature waits for a second person only where its scope reaches the authorities. */
const needsConfirmation = (r: repo.ConsentRow): boolean =>
  r.method === 'signature_typed' &&
  r.typed_confirmed_by === null &&
  isAuthorityDisclosure(r.purpose, r.partner_kind ?? r.partner_type);

const typedFacts = (r: repo.ConsentRow) => ({
  method: r.method,
  recordedBy: r.recorded_by,
  signedBy: r.typed_signed_by,
  confirmedBy: r.typed_confirmed_by,
});

async function toConsent(ctx: Ctx, r: repo.ConsentRow, today: Day): Promise<Consent> {
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
    status: consentStatus(repo.toFacts(r), today),
    writtenOn: r.written_on,
    writtenDueOn: r.written_on ? null : r.written_due_on,
    typedName: r.typed_name_enc
      ? await openText(ctx, 'consents', 'typed_name', r.id, r.typed_name_enc)
      : null,
    typedEvidence: await typedEvidenceOf(ctx, r),
    needsConfirmation: needsConfirmation(r),
    canConfirm:
      needsConfirmation(r) && r.withdrawn_at === null && canConfirmTypedSignature(ctx.actor, typedFacts(r)),
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
  return toConsent(ctx, row, await todayOf(ctx));
}

/** Consent records of a case, newest first. Reading them is reading the case. */
export async function listConsents(
  ctx: Ctx,
  caseId: string,
): Promise<{ items: Consent[]; canManage: boolean }> {
  const { row } = await loadCase(ctx, caseId, 'case.view');
  const rows = await repo.listConsentRows(ctx.db, caseId);
  await recordAccess(ctx, { entity: 'case', entityId: caseId, purpose: 'consents' });
  const today = await todayOf(ctx);
  return {
    items: await Promise.all(rows.map((r) => toConsent(ctx, r, today))),
    canManage: row.state !== 'closed',
  };
}

/**
 * Records the caller's consent. Written at once with an in-app signature; "pending written" when verbal
 * (a task is due within the organisation's days) or while the signed form is not uploaded yet.
 */
export const createConsent = idempotent(
  'consent',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.edit'),
  async (ctx: Ctx, caseId: string, input: ConsentCreate & { device: string }, { row: kase }) => {
    const actor = ctx.actor as Actor;
    const today = await todayOf(ctx);
    if ((input.partnerId === null) === (input.partnerType === null))
      throw invalidField('partnerId', 'partner_or_type', 'Choose one partner, or a partner type');
    if (input.partnerId) {
      if (!(await isActivePartner(ctx.db, input.partnerId)))
        throw invalidField('partnerId', 'unknown_partner', 'Choose a partner from the directory');
    }
    if (input.givenOn > today)
      throw invalidField('givenOn', 'in_future', 'Consent cannot be given in the future');
    const settings = await consentSettings(ctx);
    const longest = addMonths(input.givenOn, settings.validMonths);
    const validUntil = input.validUntil ?? longest;
    if (validUntil > longest)
      throw invalidField(
        'validUntil',
        'too_long',
        `Consent runs at most ${settings.validMonths} months here (until ${longest}); ask again after that`,
      );
    if (validUntil < input.givenOn)
      throw invalidField('validUntil', 'before_given', 'Valid until must be after the date given');
    const signature = await signatureOf(input);
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
      ...(await signatureColumns(ctx, id, signature)),
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
    if (signature.evidence) await askConfirmation(ctx, caseId, await scopeOf(ctx, input));
    return { id };
  },
);

/** The purpose and partner type a consent names (the type of its partner, when it names one). */
async function scopeOf(
  ctx: Ctx,
  c: { purpose: ConsentCreate['purpose']; partnerId: string | null; partnerType: string | null },
) {
  if (!c.partnerId) return { purpose: c.purpose, partnerType: c.partnerType };
  return { purpose: c.purpose, partnerType: (await findPartnerType(ctx.db, c.partnerId)) ?? null };
}

export async function recordConsent(
  ctx: Ctx,
  caseId: string,
  input: ConsentCreate & { device: string },
): Promise<Consent> {
  // Checked here too: a retried request id must not return a record to someone who may not see it.
  await loadCase(ctx, caseId, 'case.edit');
  const { id } = await createConsent(ctx, caseId, input);
  return getConsent(ctx, caseId, id);
}

async function consentForChange(ctx: Ctx, caseId: string, id: string) {
  await loadCase(ctx, caseId, 'case.edit');
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
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
  input: z.infer<typeof ConsentSignSchema> & { device: string },
): Promise<Consent> {
  const row = await consentForChange(ctx, caseId, id);
  if (row.written_on) throw new AppError('invalid_transition', 'This consent is already written');
  const signature = await signatureOf(input);
  await repo.updateConsent(ctx.db, id, {
    written_on: await todayOf(ctx),
    method: input.method,
    ...(await signatureColumns(ctx, id, signature)),
  });
  await completeSystemTasks(ctx, id, 'consent_written');
  await audit(ctx, {
    action: 'consent.sign',
    entity: 'consent',
    entityId: id,
    changedFields: ['written_on', 'method', 'signature'],
    details: { caseId, method: input.method },
  });
  if (signature.evidence)
    await askConfirmation(
      ctx,
      caseId,
      await scopeOf(ctx, { purpose: row.purpose, partnerId: row.partner_id, partnerType: row.partner_type }),
    );
  return getConsent(ctx, caseId, id);
}

/**
 * The second pair of eyes on a typed-name signature: a coordinator who did not take it confirms, having
 * checked the evidence (and, where needed, with the caller). Until then nothing based on it goes to the
 * authorities.
 */
export async function confirmTypedSignature(ctx: Ctx, caseId: string, id: string): Promise<Consent> {
  await loadCase(ctx, caseId, 'case.view');
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  authorizeConfirmTypedSignature(ctx.actor, typedFacts(row));
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was withdrawn');
  const actor = ctx.actor as Actor;
  if (!(await repo.confirmTypedSignature(ctx.db, id, { userId: actor.userId, at: ctx.clock.now() })))
    throw new AppError('conflict', 'This signature was confirmed already');
  await audit(ctx, {
    action: 'consent.confirm_typed',
    entity: 'consent',
    entityId: id,
    changedFields: ['typed_confirmed_by', 'typed_confirmed_at'],
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
  if (bytes.length === 0) throw invalidField('data', 'empty', 'The file is empty');
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
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was already withdrawn');
  const today = await todayOf(ctx);
  const withdrawnOn = input.withdrawnOn ?? today;
  if (withdrawnOn > today)
    throw invalidField('withdrawnOn', 'in_future', 'A withdrawal cannot be dated in the future');
  await repo.updateConsent(ctx.db, id, {
    withdrawn_on: withdrawnOn,
    withdrawn_at: ctx.clock.now(),
    withdrawal_note_enc: input.note
      ? await sealText(ctx, 'consents', 'withdrawal_note', id, input.note)
      : null,
  });
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
  await afterCallerConsentWithdrawn(ctx, id);
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
