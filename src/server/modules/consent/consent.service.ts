import { createHash } from 'node:crypto';
import type { Consent, ConsentCreate } from '../../../shared/consent.schema.js';
import { isAuthorityDisclosure } from '../../../shared/consent.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { type Day } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { ImageRejected, normaliseSignaturePng } from '../../lib/pdf/images.js';
import { openOptional, openText, sealBytes, sealText } from '../../lib/fields.js';
import { recordAccess } from '../audit/audit.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { alertCoordinators } from '../cases/alerts.service.js';
import { canConfirmTypedSignature } from './consent.policy.js';
import { consentStatus } from './consent.coverage.js';
import * as repo from './consent.repository.js';

/**
 * Consent: what is read (the list, one consent as the case page shows it) and what the verb files share — the
 * signature checks, the consent as a change may touch it. The verbs: record-consent.ts, sign-consent.ts,
 * consent-document.ts, withdraw-consent.ts.
 */

export function decodeBase64(data: string, field: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw invalidField(field, 'invalid_base64', 'Send the file as base64');
  return Buffer.from(clean, 'base64');
}

/** Turns a refused image into a 400 naming the field and why; nothing is stored. */
export function checkImage<T>(field: string, check: () => T): T {
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

export async function signatureOf(input: {
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
export async function signatureColumns(ctx: Ctx, id: string, sig: Signature) {
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
export async function askConfirmation(
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

export const typedFacts = (r: repo.ConsentRow) => ({
  method: r.method,
  recordedBy: r.recorded_by,
  signedBy: r.typed_signed_by,
  confirmedBy: r.typed_confirmed_by,
});

export async function toConsent(ctx: Ctx, r: repo.ConsentRow, today: Day): Promise<Consent> {
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

export async function getConsent(ctx: Ctx, caseId: string, id: string): Promise<Consent> {
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

export async function consentForChange(ctx: Ctx, caseId: string, id: string) {
  await loadCase(ctx, caseId, 'case.edit');
  // Concurrent uploads, signatures and withdrawals of one consent queue up here.
  await repo.lockConsent(ctx.db, id);
  const row = await repo.findConsentRow(ctx.db, caseId, id);
  if (!row) throw new AppError('not_found', 'No such consent');
  if (row.withdrawn_at) throw new AppError('invalid_transition', 'This consent was withdrawn');
  return row;
}
