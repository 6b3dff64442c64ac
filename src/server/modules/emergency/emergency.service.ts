import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  EmergencyCreateSchema,
  EmergencyDecisionSchema,
  EmergencyRequest,
} from '../../../shared/emergency.schema.js';
import type { FormLanguage } from '../../../shared/consent.schema.js';
import type { Summary } from '../../../shared/referrals.schema.js';
import { EMERGENCY_APPROVAL_HOURS } from '../../../shared/emergency.schema.js';
import { FOUR_EYES_TIE_DAYS } from '../../../shared/four-eyes.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { openOptional, openText, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { alertUser } from '../cases/alerts.service.js';
import { addSystemTask } from '../cases/case-items.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { queueNotice } from '../notifications/notifications.service.js';
import { recordDisclosure } from '../referrals/disclosures.service.js';
import { renderSummaryPdf } from '../referrals/summary-pdf.js';
import { buildSummary } from '../referrals/summary.service.js';
import { findInRoleSince, tiedUserIds } from '../users/account-events.repository.js';
import {
  authorizeDecide,
  authorizeEmergency,
  authorizeStart,
  canDecide,
  canEmergency,
  rolesMayEmergency,
  type Standing,
} from './emergency.policy.js';
import * as repo from './emergency.repository.js';
import type { RequestRow } from './emergency.repository.js';
import { getEmergencySettings } from '../organisations/organisations.repository.js';
import { isActivePartner } from '../partners/partners.repository.js';

/** Whether an approval is older than EMERGENCY_APPROVAL_HOURS (the database checks the same on disclosure). */
function lapsed(ctx: Ctx, r: { decided_at: Date | null }): boolean {
  return (
    r.decided_at !== null &&
    ctx.clock.now().getTime() - r.decided_at.getTime() > EMERGENCY_APPROVAL_HOURS * 3_600_000
  );
}

/**
 * The recorded facts four eyes is checked against, for the acting account: since when it holds its role, the
 * organisation's minimum, and who it is tied to by an account change in the last 30 days.
 */
async function standingOf(ctx: Ctx): Promise<Standing | undefined> {
  if (ctx.actor.kind !== 'user') return undefined;
  const now = ctx.clock.now();
  const inRoleSince = await findInRoleSince(ctx.db, ctx.actor.userId);
  if (!inRoleSince) return undefined;
  const { minAccountDays } = await getEmergencySettings(ctx.db, ctx.actor.orgId);
  const tiedTo = await tiedUserIds(
    ctx.db,
    ctx.actor.orgId,
    ctx.actor.userId,
    new Date(now.getTime() - FOUR_EYES_TIE_DAYS * 86_400_000),
  );
  return { now, inRoleSince, minAccountDays, tiedTo };
}

async function toRequest(ctx: Ctx, r: RequestRow, standing: Standing | undefined): Promise<EmergencyRequest> {
  const actor = ctx.actor;
  return {
    id: r.id,
    caseId: r.case_id,
    caseReference: r.reference,
    ground: r.ground,
    legalBasis: r.legal_basis,
    reason: await openText(ctx, 'emergency_requests', 'reason', r.id, r.reason_enc),
    partner: { id: r.partner_id, name: r.partner_name, type: r.partner_type },
    categories: r.categories,
    channel: r.channel,
    informCaller: r.inform_caller,
    noInformReason: await openOptional(
      ctx,
      'emergency_requests',
      'no_inform_reason',
      r.id,
      r.no_inform_reason_enc,
    ),
    status: r.status,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    requestedAt: r.requested_at.toISOString(),
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: await openOptional(ctx, 'emergency_requests', 'decision_note', r.id, r.decision_note_enc),
    disclosedAt: r.disclosed_at?.toISOString() ?? null,
    canDecide: canDecide(actor, { requestedBy: r.requested_by, status: r.status }, standing),
    canDisclose: r.status === 'approved' && !lapsed(ctx, r) && canEmergency(actor, 'emergency.disclose'),
    approvalLapsed: r.status === 'approved' && lapsed(ctx, r),
  };
}

async function getRequest(ctx: Ctx, id: string, lock = false): Promise<RequestRow> {
  if (lock) await repo.lockRequest(ctx.db, id);
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw new AppError('not_found', 'No such emergency request');
  return row;
}

/** Everyone who could be the second pair of eyes: the other coordinators and the admins, not tied to them. */
async function deciders(ctx: Ctx, requester: string, tied: ReadonlySet<string>): Promise<string[]> {
  const ids = await repo.listActiveUserIdsInRoles(
    ctx.db,
    ctx.actor.orgId,
    rolesMayEmergency('emergency.decide'),
    requester,
  );
  return ids.filter((id) => !tied.has(id));
}

/** Serious crime is a ground only where the organisation's legal basis names it (a setting, off by default). */
async function assertGroundAllowed(ctx: Ctx, ground: string): Promise<void> {
  if (ground !== 'serious_crime') return;
  const { seriousCrimeAllowed } = await getEmergencySettings(ctx.db, ctx.actor.orgId);
  if (!seriousCrimeAllowed)
    throw invalidField(
      'ground',
      'ground_not_allowed',
      "Serious crime is not a ground in this organisation's legal basis: only acute danger to life",
    );
}

/**
 * A coordinator starts the emergency path for acute danger to life or a serious crime, with a legal basis
 * and a written reason. Nothing is disclosed until a second person approves.
 */
export const createEmergency = idempotent(
  'emergency_request',
  async (ctx, caseId) => {
    const standing = await standingOf(ctx);
    authorizeStart(ctx.actor, standing);
    await loadCase(ctx, caseId, 'case.view');
    return standing;
  },
  async (ctx: Ctx, caseId: string, input: z.infer<typeof EmergencyCreateSchema>, standing) => {
    await assertGroundAllowed(ctx, input.ground);
    const actor = ctx.actor as Actor;
    if (!(await isActivePartner(ctx.db, input.partnerId)))
      throw invalidField('partnerId', 'unknown_partner', 'Choose a partner from the directory');
    const id = randomUUID();
    await repo.insertRequest(ctx.db, {
      id,
      org_id: actor.orgId,
      case_id: caseId,
      ground: input.ground,
      legal_basis: input.legalBasis,
      reason_enc: await sealText(ctx, 'emergency_requests', 'reason', id, input.reason),
      partner_id: input.partnerId,
      categories: [...new Set(input.categories)],
      channel: input.channel,
      inform_caller: input.informCaller,
      no_inform_reason_enc:
        !input.informCaller && input.noInformReason
          ? await sealText(ctx, 'emergency_requests', 'no_inform_reason', id, input.noInformReason)
          : null,
      status: 'pending',
      requested_by: actor.userId,
      requested_at: ctx.clock.now(),
    });
    for (const userId of await deciders(ctx, actor.userId, standing!.tiedTo)) {
      await alertUser(ctx, userId, 'emergency_request', caseId);
      await queueNotice(ctx, userId, 'approval_needed', id);
    }
    await audit(ctx, {
      action: 'emergency.request',
      entity: 'emergency_request',
      entityId: id,
      changedFields: [
        'ground',
        'legal_basis',
        'reason',
        'partner_id',
        'categories',
        'channel',
        'inform_caller',
      ],
      details: {
        caseId,
        ground: input.ground,
        legalBasis: input.legalBasis,
        informCaller: input.informCaller,
      },
    });
    return { id };
  },
);

export async function startEmergency(
  ctx: Ctx,
  caseId: string,
  input: z.infer<typeof EmergencyCreateSchema>,
): Promise<EmergencyRequest> {
  const standing = await standingOf(ctx);
  authorizeStart(ctx.actor, standing);
  await loadCase(ctx, caseId, 'case.view');
  const { id } = await createEmergency(ctx, caseId, input);
  return toRequest(ctx, await getRequest(ctx, id), standing);
}

export async function caseEmergencies(ctx: Ctx, caseId: string): Promise<{ items: EmergencyRequest[] }> {
  await loadCase(ctx, caseId, 'case.view');
  const list = await repo.listCaseRequests(ctx.db, caseId);
  const standing = await standingOf(ctx);
  return { items: await Promise.all(list.map((r) => toRequest(ctx, r, standing))) };
}

/**
 * Requests for coordinators and admins to look at: those waiting for a decision, and those they made or
 * decided themselves. Deciding needs the reason, so they see it — and only it, no other case content. Each
 * listing is in the access log.
 */
export async function listEmergencies(
  ctx: Ctx,
  status: EmergencyRequest['status'] | undefined,
): Promise<{ items: EmergencyRequest[] }> {
  authorizeEmergency(ctx.actor, 'emergency.decide');
  const me = ctx.actor.userId;
  const list = await repo.listRequestsToReview(ctx.db, me, status, 100);
  for (const r of list)
    await recordAccess(ctx, { entity: 'emergency_request', entityId: r.id, purpose: 'review' });
  const standing = await standingOf(ctx);
  return { items: await Promise.all(list.map((r) => toRequest(ctx, r, standing))) };
}

/**
 * The second person approves or rejects: never the requester, nor anyone tied to them by an account change
 * in the last 30 days, nor an account new in its role (checked here; the first two by the database too).
 */
export async function decideEmergency(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof EmergencyDecisionSchema>,
): Promise<EmergencyRequest> {
  authorizeEmergency(ctx.actor, 'emergency.decide');
  const actor = ctx.actor;
  const r = await getRequest(ctx, id, true);
  const standing = await standingOf(ctx);
  authorizeDecide(actor, { requestedBy: r.requested_by, status: 'pending' }, standing);
  if (r.status !== 'pending') throw new AppError('invalid_transition', `This request is already ${r.status}`);
  if (input.decision === 'reject' && input.note.length < 5)
    throw invalidField('note', 'required', 'Say why you reject the request');
  await repo.updateRequest(
    ctx.db,
    id,
    {
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: actor.userId,
      decided_at: ctx.clock.now(),
      decision_note_enc: input.note
        ? await sealText(ctx, 'emergency_requests', 'decision_note', id, input.note)
        : null,
    },
    { status: 'pending' },
  );
  await alertUser(ctx, r.requested_by, 'emergency_decided', r.case_id);
  await audit(ctx, {
    action: `emergency.${input.decision}`,
    entity: 'emergency_request',
    entityId: id,
    changedFields: ['status', 'decided_by', 'decision_note'],
    details: { caseId: r.case_id },
  });
  return toRequest(ctx, await getRequest(ctx, id), standing);
}

/**
 * After approval, a coordinator records the disclosure itself. The caller is told afterwards (a task),
 * unless the recorded choice says that would endanger someone.
 */
export async function discloseEmergency(ctx: Ctx, id: string): Promise<EmergencyRequest> {
  authorizeEmergency(ctx.actor, 'emergency.start');
  const r = await getRequest(ctx, id, true);
  await loadCase(ctx, r.case_id, 'case.view');
  if (r.status !== 'approved')
    throw new AppError(
      r.status === 'pending' ? 'forbidden' : 'invalid_transition',
      r.status === 'pending' ? 'A second person must approve first' : `This request is ${r.status}`,
    );
  if (lapsed(ctx, r))
    throw new AppError(
      'invalid_transition',
      `The approval lapsed after ${EMERGENCY_APPROVAL_HOURS} hours: start a new request if the danger is still acute`,
    );
  await recordDisclosure(ctx, {
    caseId: r.case_id,
    kind: 'emergency',
    partner: { id: r.partner_id, name: r.partner_name },
    categories: r.categories,
    channel: r.channel,
    basis: { emergencyId: id },
  });
  await repo.updateRequest(ctx.db, id, { status: 'disclosed', disclosed_at: ctx.clock.now() });
  if (r.inform_caller)
    await addSystemTask(ctx, {
      caseId: r.case_id,
      kind: 'inform_caller',
      title: r.partner_name,
      dueOn: addDays(await todayOf(ctx), 2),
      assigneeId: r.counsellor_id ?? ctx.actor.userId,
      refId: id,
    });
  await audit(ctx, {
    action: 'emergency.disclose',
    entity: 'emergency_request',
    entityId: id,
    changedFields: ['status', 'disclosed_at'],
    details: { caseId: r.case_id, informCaller: r.inform_caller },
  });
  return toRequest(ctx, await getRequest(ctx, id), await standingOf(ctx));
}

/** The summary for an approved emergency disclosure: exactly the approved categories. */
export async function emergencySummary(
  ctx: Ctx,
  id: string,
  language: FormLanguage = 'nl',
): Promise<Summary> {
  authorizeEmergency(ctx.actor, 'emergency.start');
  const r = await getRequest(ctx, id);
  const { row: kase } = await loadCase(ctx, r.case_id, 'case.view');
  if ((r.status !== 'approved' && r.status !== 'disclosed') || (r.status === 'approved' && lapsed(ctx, r)))
    throw new AppError(
      'approval_required',
      r.status === 'approved'
        ? `The approval lapsed after ${EMERGENCY_APPROVAL_HOURS} hours: start a new request if the danger is still acute`
        : 'Only an emergency request approved by a second person allows a summary',
    );
  if (canEmergency(ctx.actor, 'emergency.start'))
    await recordAccess(ctx, { entity: 'emergency_request', entityId: id, purpose: 'summary' });
  return buildSummary(ctx, {
    kase,
    categories: r.categories,
    recipient: r.partner_name,
    purpose: 'authority_referral',
    basis: {
      kind: 'emergency',
      requestId: id,
      ground: r.ground,
      approvedOn: r.decided_at!.toISOString().slice(0, 10),
    },
    language,
  });
}

export async function emergencySummaryPdf(ctx: Ctx, id: string, language: FormLanguage): Promise<Buffer> {
  return renderSummaryPdf(await emergencySummary(ctx, id, language), language);
}
