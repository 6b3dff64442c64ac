import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsentPurpose, DataCategory } from '../../../shared/consent.schema.js';
import type {
  Disclosure,
  DisclosureChannel,
  DisclosureExportQuery,
  DisclosureQuerySchema,
} from '../../../shared/referrals.schema.js';
import type { Ctx } from '../../lib/context.js';
import { toCsv } from '../../lib/csv.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { AppError } from '../../lib/errors.js';
import { openText } from '../../lib/fields.js';
import { filterNames } from '../audit/audit.export.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { authorizeDisclosure } from './disclosures.policy.js';
import * as repo from './referrals.repository.js';
import type { DisclosureRow } from './referrals.repository.js';

export interface DisclosureInput {
  caseId: string;
  kind: 'referral' | 'case_meeting' | 'emergency';
  partner: { id: string; name: string };
  categories: readonly DataCategory[];
  channel: DisclosureChannel;
  basis: { consentId: string; purpose: ConsentPurpose } | { emergencyId: string };
  referralId?: string;
  meetingId?: string;
}

/**
 * The only place that writes the disclosure log. Callers check coverage first (with a clear error); the
 * database trigger refuses any row without a covering, active consent or an approved emergency request.
 */
export async function recordDisclosure(ctx: Ctx, input: DisclosureInput): Promise<string> {
  const id = randomUUID();
  const now = ctx.clock.now();
  try {
    await repo.insertDisclosure(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      case_id: input.caseId,
      kind: input.kind,
      referral_id: input.referralId ?? null,
      meeting_id: input.meetingId ?? null,
      emergency_id: 'emergencyId' in input.basis ? input.basis.emergencyId : null,
      partner_id: input.partner.id,
      recipient: input.partner.name,
      purpose: 'purpose' in input.basis ? input.basis.purpose : null,
      categories: [...input.categories],
      channel: input.channel,
      consent_id: 'consentId' in input.basis ? input.basis.consentId : null,
      disclosed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      disclosed_on: await todayOf(ctx),
      disclosed_at: now,
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23514') {
      if (String((err as Error).message).includes('retired'))
        throw new AppError('invalid_transition', 'This partner was retired from the directory');
      if (String((err as Error).message).includes('typed signature'))
        throw new AppError('confirmation_required');
      throw new AppError('consent_required');
    }
    throw err;
  }
  await audit(ctx, {
    action: 'disclosure.record',
    entity: 'disclosure',
    entityId: id,
    changedFields: ['categories', 'recipient', 'channel'],
    details: {
      caseId: input.caseId,
      kind: input.kind,
      categories: input.categories.join(','),
      channel: input.channel,
    },
  });
  return id;
}

/**
 * The evidence of a typed-name signature the disclosure relied on. Who was present is case content: it is
 * left out of the privacy officer's organisation-wide log.
 */
async function typedSignatureOf(
  ctx: Ctx,
  r: DisclosureRow,
  withContent: boolean,
): Promise<Disclosure['typedSignature']> {
  if (r.method !== 'signature_typed' || !r.consent_id || !r.typed_shown_sha256 || !r.typed_signed_at)
    return null;
  return {
    present:
      withContent && r.typed_present_enc
        ? await openText(ctx, 'consents', 'typed_present', r.consent_id, r.typed_present_enc)
        : null,
    device: r.typed_device_enc
      ? await openText(ctx, 'consents', 'typed_device', r.consent_id, r.typed_device_enc)
      : '',
    shownTextSha256: Buffer.from(r.typed_shown_sha256).toString('hex'),
    signedAt: r.typed_signed_at.toISOString(),
    signedBy: r.typed_signed_by_name,
    confirmedBy: r.typed_confirmed_by ? (r.typed_confirmed_by_name ?? '') : null,
    confirmedAt: r.typed_confirmed_at?.toISOString() ?? null,
  };
}

async function toDisclosure(ctx: Ctx, r: DisclosureRow, withContent: boolean): Promise<Disclosure> {
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    kind: r.kind,
    recipient: r.recipient,
    partnerId: r.partner_id,
    categories: r.categories,
    channel: r.channel,
    consentId: r.consent_id,
    emergencyId: r.emergency_id,
    disclosedBy: r.display_name,
    disclosedAt: r.disclosed_at.toISOString(),
    typedSignature: await typedSignatureOf(ctx, r, withContent),
  };
}

/** What left the helpline about this case, newest first. */
export async function caseDisclosures(
  ctx: Ctx,
  caseId: string,
): Promise<{ items: Disclosure[]; next: null }> {
  await loadCase(ctx, caseId, 'case.view');
  const rows = await repo.listCaseDisclosures(ctx.db, caseId);
  return { items: await Promise.all(rows.map((r) => toDisclosure(ctx, r, true))), next: null };
}

/** The organisation's whole disclosure log for the privacy officer: no content, keyset-paginated. */
export async function disclosureLog(
  ctx: Ctx,
  q: z.infer<typeof DisclosureQuerySchema>,
): Promise<{ items: Disclosure[]; next: string | null }> {
  authorizeDisclosure(ctx.actor, 'disclosure.log');
  const rows = await repo.listDisclosures(ctx.db, q, {
    ...(q.cursor ? { after: decodeCursor(q.cursor, 'cursor') } : {}),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next = rows.length > q.limit && last ? encodeCursor({ at: last.disclosed_at, id: last.id }) : null;
  await recordAccess(ctx, {
    entity: 'disclosure_log',
    entityId: ctx.actor.orgId,
    purpose: 'view',
  });
  return { items: await Promise.all(page.map((r) => toDisclosure(ctx, r, false))), next };
}

/** The most rows one CSV export holds (as for the audit and access logs). */
const EXPORT_MAX = 10_000;

/**
 * The disclosure log as CSV for the privacy officer, with the filters on screen: what went where, when, on
 * which basis and by whom — never case content. The export itself is audited (row count, filter names).
 */
export async function exportDisclosureCsv(ctx: Ctx, q: DisclosureExportQuery): Promise<string> {
  authorizeDisclosure(ctx.actor, 'disclosure.export');
  const rows = await repo.listDisclosures(ctx.db, q, { limit: EXPORT_MAX + 1 });
  const kept = rows.slice(0, EXPORT_MAX);
  const csv = toCsv(
    ['disclosed_at', 'case_reference', 'kind', 'recipient', 'categories', 'channel', 'basis', 'disclosed_by'],
    kept.map((r) => [
      r.disclosed_at.toISOString(),
      r.reference,
      r.kind,
      r.recipient,
      r.categories.join(' '),
      r.channel,
      r.consent_id ? 'consent' : r.emergency_id ? 'emergency' : '',
      r.display_name ?? '',
    ]),
  );
  const filters = filterNames(q);
  await audit(ctx, {
    action: 'disclosure.export',
    entity: 'disclosure_log',
    entityId: null,
    details: { rows: kept.length, truncated: rows.length > EXPORT_MAX, filters },
  });
  return csv;
}
