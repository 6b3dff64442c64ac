import { randomUUID } from 'node:crypto';
import type { Intake } from '../../../shared/cases.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openText, sealText } from '../../lib/fields.js';
import { audit, withAuditBatch } from '../audit/audit.service.js';
import * as cases from '../cases/cases.repository.js';
import { insertLogEntry } from '../cases/case-contents.repository.js';
import { authorizeCaseRole } from '../cases/cases.policy.js';
import { notifyUrgent } from '../cases/alerts.service.js';
import { assertSourceActivity } from '../activities/activities.service.js';
import {
  carryToCase,
  checkTerms,
  termIdsOf,
  recordContactObservations,
  subjectColumns,
} from './intake-details.service.js';
import * as repo from './intake.repository.js';
import { aliasIndex } from './alias.js';
import { normalisePhone, phoneIndex } from './phone.js';
import { completeCallback } from '../public-site/callbacks.service.js';

export interface IntakeResult {
  contactId: string;
  caseId: string | null;
  caseReference: string | null;
  urgent: boolean;
}

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, reason, message }] });

/**
 * The intake call itself goes into the case's contact log (when, how long, by which channel, who took it),
 * so the log starts with the first conversation. The summary stays on the case and the contact; the caller's
 * alias is not copied into the log's plain "with whom" column.
 */
async function logIntakeCall(
  ctx: Ctx,
  actor: Actor,
  call: { caseId: string; contactId: string; input: Intake; now: Date },
) {
  const { caseId, contactId, input, now } = call;
  const id = randomUUID();
  await insertLogEntry(ctx.db, {
    id,
    org_id: actor.orgId,
    case_id: caseId,
    // The contact's id: one log entry per contact, also enforced by a unique index on contact_id.
    request_id: contactId,
    contact_id: contactId,
    occurred_at: now,
    channel: input.channel,
    duration_minutes: input.durationMinutes ?? null,
    with_whom_enc: null,
    note_enc: await sealText(ctx, 'case_log', 'note', id, ''),
    author_id: actor.userId,
    created_at: now,
  });
  await audit(ctx, {
    action: 'case.log_add',
    entity: 'case_log',
    entityId: id,
    changedFields: ['occurred_at', 'channel', 'duration_minutes'],
    details: { caseId, contactId },
  });
}

/**
 * Saves a contact from the intake form, and opens or links a case. Idempotent on `requestId`: a retried or
 * double-clicked save returns the first result and writes nothing more. Its audit entries are written
 * together at the end, in one statement (see `withAuditBatch`).
 */
export async function saveIntake(ctx: Ctx, input: Intake): Promise<IntakeResult> {
  const actor = ctx.actor;
  authorizeCaseRole(actor, 'intake.create');
  return withAuditBatch(ctx, () => save({ ...ctx, actor }, input));
}

/**
 * Thrown when a concurrent save with the same request id committed the contact first: this transaction is
 * rolled back (nothing of it stays) and the route runs the save again, which then finds that contact.
 */
export class SavedMeanwhile extends Error {
  constructor() {
    super('A save with the same request id committed first');
  }
}

async function save(ctx: Ctx<Actor>, input: Intake): Promise<IntakeResult> {
  const actor = ctx.actor;
  // One look-up for what the save must know: an earlier save of this request, the caller, the terms.
  const e164 = input.phone?.trim() ? normalisePhone(input.phone) : undefined;
  const phone = e164 ? { e164, hmac: await phoneIndex(ctx, e164) } : undefined;
  const facts = await repo.intakeFacts(ctx.db, {
    requestId: input.requestId,
    phoneHmac: phone?.hmac ?? null,
    termIds: termIdsOf(input),
  });
  const existing = facts.existing;
  if (existing) {
    return {
      contactId: existing.id,
      caseId: existing.case_id,
      caseReference: existing.reference ?? null,
      urgent: existing.immediate_danger,
    };
  }
  if (input.immediateDanger && input.outcome === 'info_only') {
    throw invalid('outcome', 'danger_needs_case', 'A call with immediate danger needs a case');
  }
  const ticked = checkTerms(actor.orgId, input, facts.terms);
  if (input.sourceActivityId) await assertSourceActivity(ctx, input.sourceActivityId);
  if (input.phone?.trim() && !phone) {
    throw invalid('phone', 'invalid_phone', 'This is not a valid phone number');
  }
  const now = ctx.clock.now();

  let callerId = facts.callerId ?? undefined;
  if (!callerId) {
    callerId = randomUUID();
    await repo.insertCaller(ctx.db, {
      id: callerId,
      org_id: actor.orgId,
      alias_enc: await sealText(ctx, 'callers', 'alias', callerId, input.callerAlias),
      alias_hmac: await aliasIndex(ctx, input.callerAlias),
      phone_enc: phone ? await sealText(ctx, 'callers', 'phone', callerId, phone.e164) : null,
      phone_hmac: phone?.hmac ?? null,
      language: input.language,
      municipality: input.municipality,
      created_at: now,
    });
  }

  let caseId: string | null = null;
  let reference: string | null = null;
  if (input.outcome === 'open_case') {
    caseId = randomUUID();
    reference = await cases.nextReference(ctx.db, actor.orgId, now.getUTCFullYear());
    await cases.insertCase(ctx.db, {
      id: caseId,
      org_id: actor.orgId,
      reference,
      state: 'intake',
      urgent: input.immediateDanger,
      category_id: input.categoryId,
      caller_id: callerId,
      coordinator_id: actor.userId,
      counsellor_id: null,
      support_level: null,
      pref_gender: input.preferences.counsellorGender,
      pref_background_enc: input.preferences.backgroundId
        ? await sealText(ctx, 'cases', 'pref_background', caseId, input.preferences.backgroundId)
        : null,
      pref_language: input.preferences.language,
      municipality: input.municipality,
      summary_enc: await sealText(ctx, 'cases', 'summary', caseId, input.summary),
      opened_at: now,
      last_activity_at: now,
      updated_at: now,
    });
    await audit(ctx, {
      action: 'case.create',
      entity: 'case',
      entityId: caseId,
      changedFields: ['state', 'category_id', 'summary', 'urgent'],
      details: { urgent: input.immediateDanger },
    });
  } else if (input.outcome === 'link_case') {
    const linked = await cases.findCase(ctx.db, input.linkCaseId!);
    if (!linked || linked.org_id !== actor.orgId) throw invalid('linkCaseId', 'unknown_case', 'No such case');
    caseId = linked.id;
    reference = linked.reference;
    if (input.immediateDanger && !linked.urgent) {
      await repo.markCaseUrgent(ctx.db, caseId);
      await audit(ctx, {
        action: 'case.update',
        entity: 'case',
        entityId: caseId,
        changedFields: ['urgent'],
        details: { urgent: true },
      });
    }
    await cases.touchCase(ctx.db, caseId, now);
  }

  const contactId = randomUUID();
  // No lock on the request id: a concurrent save of the same request waits here on the first one's row.
  const inserted = await repo.insertContactOnce(ctx.db, {
    id: contactId,
    org_id: actor.orgId,
    request_id: input.requestId,
    caller_id: callerId,
    case_id: caseId,
    channel: input.channel,
    language: input.language,
    category_id: input.categoryId,
    relation_id: input.relationId,
    summary_enc: await sealText(ctx, 'contacts', 'summary', contactId, input.summary),
    immediate_danger: input.immediateDanger,
    may_call_back: input.callback.mayCallBack,
    may_leave_message: input.callback.mayLeaveMessage,
    safe_times_enc: input.callback.safeTimes
      ? await sealText(ctx, 'contacts', 'safe_times', contactId, input.callback.safeTimes)
      : null,
    safe_channel: input.callback.safeChannel,
    confidentiality_explained: input.confidentialityExplained,
    duration_minutes: input.durationMinutes ?? null,
    outcome: input.outcome,
    ...(await subjectColumns(ctx, contactId, input)),
    source_activity_id: input.sourceActivityId,
    taken_by: actor.userId,
    occurred_at: now,
    created_at: now,
  });
  if (!inserted) throw new SavedMeanwhile();
  await audit(ctx, {
    action: 'contact.create',
    entity: 'contact',
    entityId: contactId,
    changedFields: [
      'channel',
      'category_id',
      'summary',
      'callback',
      'subject',
      ...(ticked.length ? ['observations'] : []),
      ...(phone ? ['phone'] : []),
      ...(input.sourceActivityId ? ['source_activity_id'] : []),
    ],
    details: { outcome: input.outcome, immediateDanger: input.immediateDanger },
  });
  await recordContactObservations(ctx, actor, contactId, ticked, now);
  if (input.callbackId) await completeCallback(ctx, input.callbackId, contactId);
  if (caseId) {
    await logIntakeCall(ctx, actor, { caseId, contactId, input, now });
    await carryToCase(ctx, actor, { caseId, input, ticked, isNew: input.outcome === 'open_case', now });
  }
  if (input.immediateDanger && caseId) await notifyUrgent(ctx, caseId);
  if (input.draftId) await repo.deleteDraft(ctx.db, input.draftId, actor.userId);
  return { contactId, caseId, caseReference: reference, urgent: input.immediateDanger };
}

/**
 * Is this a known caller? Coordinators see the existing cases' references, states and counsellors — what
 * they may see of any case in their organisation — and nothing of their content.
 */
export async function lookupPhone(ctx: Ctx, phone: string) {
  authorizeCaseRole(ctx.actor, 'intake.create');
  const e164 = normalisePhone(phone);
  if (!e164) return { known: false, valid: false, cases: [] };
  const hmac = await phoneIndex(ctx, e164);
  const rows = await repo.casesByPhone(ctx.db, hmac);
  const known = rows.length > 0 || (await repo.findCallerByPhone(ctx.db, hmac)) !== undefined;
  return {
    known,
    valid: true,
    cases: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      state: r.state,
      counsellorName: r.counsellor_name,
    })),
  };
}

/** Server-side intake drafts: encrypted, per user; nothing sensitive is left in the browser. */
export async function saveDraft(ctx: Ctx, id: string, data: Record<string, unknown>) {
  authorizeCaseRole(ctx.actor, 'intake.create');
  const existing = await repo.findDraft(ctx.db, id);
  if (existing && existing.user_id !== ctx.actor.userId) throw new AppError('not_found', 'No such draft');
  const now = ctx.clock.now();
  // Another organisation's draft is invisible here, so the upsert meets it only as a conflict it may not
  // update: nothing is written, and the answer is the same 404 as for a colleague's draft.
  const saved = await repo.upsertDraft(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    user_id: ctx.actor.userId,
    data_enc: await sealText(ctx, 'intake_drafts', 'data', id, JSON.stringify(data)),
    updated_at: now,
  });
  if (!saved) throw new AppError('not_found', 'No such draft');
  return { id, data, updatedAt: now.toISOString() };
}

export async function listDrafts(ctx: Ctx) {
  authorizeCaseRole(ctx.actor, 'intake.create');
  const rows = await repo.listDrafts(ctx.db, ctx.actor.userId);
  return {
    items: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        data: JSON.parse(await openText(ctx, 'intake_drafts', 'data', r.id, r.data_enc)) as Record<
          string,
          unknown
        >,
        updatedAt: r.updated_at.toISOString(),
      })),
    ),
  };
}

/** Another user's or organisation's draft answers like a missing one: 404, and nothing is deleted. */
export async function discardDraft(ctx: Ctx, id: string): Promise<void> {
  authorizeCaseRole(ctx.actor, 'intake.create');
  if (!(await repo.deleteDraft(ctx.db, id, ctx.actor.userId)))
    throw new AppError('not_found', 'No such draft');
}
