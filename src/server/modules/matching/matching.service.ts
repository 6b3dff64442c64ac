import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  MatchingWeights,
  OfferCreate,
  OfferResponseSchema,
  ScorePart,
  Shortlist,
  WaitingListSchema,
} from '../../../shared/matching.schema.js';
import { DEFAULT_WEIGHTS } from '../../../shared/matching.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { authorizeMatching } from './matching.policy.js';
import { openMany, openText, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit } from '../audit/audit.service.js';
import { alertCoordinators, alertUser } from '../cases/alerts.service.js';
import { addTask } from '../cases/case-items.service.js';
import { assignCase, moveOpenTasks } from '../cases/cases.repository.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { enqueue, type JobHandler } from '../jobs/jobs.service.js';
import { queueNotice } from '../notifications/notifications.service.js';
import { findTerm } from '../taxonomies/taxonomies.repository.js';
import { getUser } from '../users/users.repository.js';
import { assertEligible, needsOf, STRICT, withdrawPendingOffers, type Widening } from './eligibility.js';
import * as repo from './matching.repository.js';
import type { CandidateFacts } from './matching.repository.js';
import { fromMask, listable, rank, tallyOf, type Candidate, type CaseNeeds } from './matching.score.js';

async function weightsOf(ctx: Pick<Ctx, 'db' | 'actor'>): Promise<MatchingWeights> {
  return { ...DEFAULT_WEIGHTS, ...((await repo.findMatchingWeights(ctx.db, ctx.actor.orgId)) ?? {}) };
}

/**
 * Adds the self-declared backgrounds of the counsellors the shortlist can show, opened in one batch, when the
 * caller stated a background preference. Without one the score never looks at backgrounds; only listable
 * counsellors are fetched at all, so nothing else is decrypted.
 */
async function withBackgrounds(ctx: Ctx, facts: CandidateFacts[], needs: CaseNeeds): Promise<Candidate[]> {
  if (!needs.prefBackgroundId) return facts.map((c) => ({ ...c, backgroundIds: [] }));
  const sealed = await repo.sealedBackgrounds(
    ctx.db,
    ctx.actor.orgId,
    facts.map((c) => c.id),
  );
  const opened = await openMany(ctx, 'counsellor_profiles', 'background_ids', sealed);
  return facts.map((c) => {
    const json = opened.get(c.id);
    return { ...c, backgroundIds: json ? (JSON.parse(json) as string[]) : [] };
  });
}

/**
 * The ranked, explained shortlist for a case, for a coordinator who may assign it. Every counsellor of the
 * organisation is counted by their hard-filter flags; only those the list can show (passing every filter, or
 * failing only a relaxable one) are fetched in full and scored.
 */
export async function caseShortlist(
  ctx: Ctx,
  caseId: string,
  widening: Widening = STRICT,
): Promise<Shortlist> {
  await loadCase(ctx, caseId, 'case.assign');
  const needs = (await needsOf(ctx, caseId, widening))!;
  const today = await todayOf(ctx);
  const population = await repo.candidateFlags(ctx.db, ctx.actor.orgId, today, caseId, needs);
  const tally = tallyOf(population.map((c) => c.mask));
  // Judged once per combination of flags, not per counsellor.
  const shown = new Set([...tally.keys()].filter((mask) => listable(fromMask(mask), needs)));
  const listedIds = population.filter((c) => shown.has(c.mask)).map((c) => c.id);
  const facts = await repo.listCandidates(ctx.db, ctx.actor.orgId, today, caseId, listedIds);
  const list = rank(tally, await withBackgrounds(ctx, facts, needs), needs, await weightsOf(ctx));
  const place = { municipality: needs.municipalityName || null, province: needs.province };
  return withBackgroundLabel(
    ctx,
    { ...list, diagnosis: { ...list.diagnosis, place } },
    needs.prefBackgroundId,
  );
}

/**
 * A reason names the background by its label in the reader's language (the term's id stays for the web app,
 * which relabels when the language is switched), so the explanation reads the same in the API and the UI.
 */
async function withBackgroundLabel(
  ctx: Ctx,
  list: Shortlist,
  backgroundId: string | null,
): Promise<Shortlist> {
  if (!backgroundId || ctx.actor.kind !== 'user') return list;
  const [term, user] = await Promise.all([findTerm(ctx.db, backgroundId), getUser(ctx.db, ctx.actor.userId)]);
  if (!term) return list;
  const background = term.labels[user.language] || term.labels.nl;
  const relabel = <T extends { parts: ScorePart[] }>(c: T): T => ({
    ...c,
    parts: c.parts.map((p) =>
      p.code === 'preferred_background' ? { ...p, params: { ...p.params, background } } : p,
    ),
  });
  return { ...list, candidates: list.candidates.map(relabel), nextBest: list.nextBest.map(relabel) };
}

/** Offers the case to a counsellor; an earlier pending offer for the case is withdrawn. Escalates when unanswered. */
export async function createOffer(ctx: Ctx, caseId: string, input: OfferCreate) {
  const { counsellorId, reach, interpreter } = input;
  const { row } = await loadCase(ctx, caseId, 'case.assign');
  if (row.state === 'closed' || row.state === 'aftercare')
    throw new AppError('invalid_transition', 'Reopen the case first');
  await assertEligible(ctx, caseId, counsellorId, { reach, interpreter });
  // The interpreter fallback is recorded with the language interpreted: the caller's conversation language.
  const interpreterLanguage = interpreter ? ((await needsOf(ctx, caseId))?.languages[0] ?? null) : null;
  const actor = ctx.actor as Actor;
  const now = ctx.clock.now();
  await withdrawPendingOffers(ctx, caseId);
  const timeoutHours = await repo.getOfferTimeoutHours(ctx.db, actor.orgId);
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + timeoutHours * 3_600_000);
  await repo.insertOffer(ctx.db, {
    id,
    org_id: actor.orgId,
    case_id: caseId,
    counsellor_id: counsellorId,
    offered_by: actor.userId,
    status: 'pending',
    created_at: now,
    expires_at: expiresAt,
    reach,
    interpreter_language: interpreterLanguage,
  });
  if (row.state === 'intake') {
    await repo.markCaseMatching(ctx.db, caseId, now);
    await audit(ctx, {
      action: 'case.transition',
      entity: 'case',
      entityId: caseId,
      changedFields: ['state'],
      details: { from: 'intake', to: 'matching' },
    });
  }
  await alertUser(ctx, counsellorId, 'offer', caseId);
  await enqueue(ctx, {
    kind: 'offer.expire',
    payload: { offerId: id },
    runAt: expiresAt,
    dedupeKey: `offer.expire:${id}`,
  });
  await queueNotice(ctx, counsellorId, 'offer', id);
  await audit(ctx, {
    action: 'offer.create',
    entity: 'case_offer',
    entityId: id,
    details: { caseId, counsellorId, reach, interpreterLanguage },
  });
  return { id };
}

async function offerRows(ctx: Ctx, where: { caseId?: string; counsellorId?: string; pendingOnly?: boolean }) {
  const rows = await repo.listOffers(ctx.db, ctx.actor.orgId, where);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      counsellorId: r.counsellor_id,
      counsellorName: r.display_name,
      status: r.status,
      declineReason: r.decline_reason,
      declineNote: r.note_enc ? await openText(ctx, 'case_offers', 'note', r.id, r.note_enc) : null,
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      respondedAt: r.responded_at?.toISOString() ?? null,
      reach: r.reach,
      interpreterLanguage: r.interpreter_language,
    })),
  );
}

/** The history of offers on a case: who was asked, who declined and why, who accepted. */
export async function caseOffers(ctx: Ctx, caseId: string) {
  await loadCase(ctx, caseId, 'case.assign');
  return { items: await offerRows(ctx, { caseId }) };
}

/**
 * A counsellor's open offers, with just enough to decide and to spot a conflict of interest (alias,
 * municipality, language, category) — not the case's content.
 */
export async function myOffers(ctx: Ctx) {
  authorizeMatching(ctx.actor, 'offer.respond');
  const offers = await offerRows(ctx, { counsellorId: ctx.actor.userId, pendingOnly: true });
  // One query for every offered case, not one per offer.
  const facts = await repo.findOfferedCaseFacts(ctx.db, ctx.actor.orgId, [
    ...new Set(offers.map((o) => o.caseId)),
  ]);
  const aliases = await openMany(
    ctx,
    'callers',
    'alias',
    [...facts.values()].map((c) => ({ id: c.callerId, sealed: c.aliasEnc })),
  );
  const items = offers.flatMap((o) => {
    const c = facts.get(o.caseId);
    if (!c) return [];
    return [
      {
        ...o,
        categoryId: c.categoryId,
        municipality: c.municipality,
        language: c.language,
        callerAlias: aliases.get(c.callerId) ?? '',
      },
    ];
  });
  return { items };
}

/** Accept (the case becomes theirs) or decline with a reason; a declared conflict keeps them out of this case's matching. */
export async function respondToOffer(
  ctx: Ctx,
  offerId: string,
  input: z.infer<typeof OfferResponseSchema>,
): Promise<void> {
  authorizeMatching(ctx.actor, 'offer.respond');
  const actor = ctx.actor;
  const offer = await repo.findOffer(ctx.db, offerId);
  if (!offer || offer.counsellor_id !== actor.userId) throw new AppError('not_found', 'No such offer');
  const now = ctx.clock.now();
  if (offer.status !== 'pending' || offer.expires_at <= now)
    throw new AppError('conflict', 'This offer is no longer open');
  if (input.accept) {
    // The case must still be open for matching, and the counsellor must still pass every hard filter.
    const before = await repo.getCaseAssignmentForUpdate(ctx.db, offer.case_id);
    if (!['intake', 'matching', 'active'].includes(before.state)) {
      throw new AppError('conflict', 'This case is no longer open for matching');
    }
    if (!(await repo.acceptPendingOffer(ctx.db, offerId, now)))
      throw new AppError('conflict', 'This offer is no longer open');
    // Checked after the offer stopped being pending, so it does not count against the counsellor's own capacity.
    await assertEligible(ctx, offer.case_id, actor.userId, {
      reach: offer.reach,
      interpreter: offer.interpreter_language !== null,
    });
    await withdrawPendingOffers(ctx, offer.case_id);
    if (before.counsellor_id) await moveOpenTasks(ctx.db, offer.case_id, before.counsellor_id, actor.userId);
    await assignCase(ctx.db, offer.case_id, actor.userId, now);
    await audit(ctx, {
      action: 'offer.accept',
      entity: 'case_offer',
      entityId: offerId,
      changedFields: ['status'],
      details: { caseId: offer.case_id },
    });
    await audit(ctx, {
      action: before.counsellor_id ? 'case.reassign' : 'case.assign',
      entity: 'case',
      entityId: offer.case_id,
      changedFields: ['counsellor_id', 'state'],
      details: { from: before.counsellor_id, to: actor.userId },
    });
    await alertCoordinatorsOfOffer(ctx, 'offer_accepted', offer.case_id, offerId);
    return;
  }
  await repo.declinePendingOffer(ctx.db, offerId, {
    reason: input.reason,
    noteEnc: input.note ? await sealText(ctx, 'case_offers', 'note', offerId, input.note) : null,
    now,
  });
  if (input.reason === 'conflict_of_interest') {
    await repo.insertConflict(ctx.db, {
      id: randomUUID(),
      org_id: actor.orgId,
      case_id: offer.case_id,
      user_id: actor.userId,
      created_at: now,
    });
  }
  await alertCoordinatorsOfOffer(ctx, 'offer_declined', offer.case_id, offerId);
  await audit(ctx, {
    action: 'offer.decline',
    entity: 'case_offer',
    entityId: offerId,
    changedFields: ['status'],
    details: { caseId: offer.case_id, reason: input.reason },
  });
}

/**
 * The coordinators hear how an offer ended: an in-app alert (accepted, declined, expired), and for an expiry
 * also an e-mail notice, since the family then waits for a new match.
 */
async function alertCoordinatorsOfOffer(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock'>,
  kind: 'offer_accepted' | 'offer_declined' | 'offer_expired',
  caseId: string,
  offerId: string,
) {
  const ids = await alertCoordinators(ctx, kind, caseId);
  if (kind === 'offer_expired')
    for (const userId of ids) await queueNotice(ctx, userId, 'offer_expired', offerId);
}

export async function getWeights(ctx: Ctx): Promise<MatchingWeights> {
  authorizeMatching(ctx.actor, 'weights.view');
  return weightsOf(ctx);
}

export async function setWeights(ctx: Ctx, input: MatchingWeights): Promise<MatchingWeights> {
  authorizeMatching(ctx.actor, 'weights.update');
  await repo.updateMatchingWeights(ctx.db, ctx.actor.orgId, input, ctx.clock.now());
  await audit(ctx, {
    action: 'matching.weights_update',
    entity: 'organisation',
    entityId: ctx.actor.orgId,
    changedFields: Object.keys(input),
  });
  return input;
}

/** An unanswered offer expires at its deadline and goes back to the coordinators. */
export const matchingJobHandlers: Record<string, JobHandler> = {
  'offer.expire': async (ctx, payload) => {
    const offerId = String(payload.offerId);
    const offer = await repo.findOffer(ctx.db, offerId);
    if (!offer || offer.status !== 'pending') return;
    await repo.expireOffer(ctx.db, offerId, ctx.clock.now());
    await alertCoordinatorsOfOffer(ctx, 'offer_expired', offer.case_id, offerId);
    await audit(ctx, {
      action: 'offer.expire',
      entity: 'case_offer',
      entityId: offerId,
      changedFields: ['status'],
      details: { caseId: offer.case_id },
    });
  },
};

/**
 * No counsellor now: the case waits for one, and the coordinator gets a dated follow-up task to look again.
 * Idempotent on the request id; the task is the case's own (sealed title, due reminder).
 */
export const putOnWaitingList = idempotent(
  'waiting_list',
  (ctx, caseId) => loadCase(ctx, caseId, 'case.assign'),
  async (ctx: Ctx, caseId: string, input: z.infer<typeof WaitingListSchema>, { row }) => {
    if (row.state !== 'intake' && row.state !== 'matching')
      throw new AppError('invalid_transition', 'Only a case that still needs a counsellor can wait for one');
    if (input.dueOn < (await todayOf(ctx)))
      throw invalidField('dueOn', 'in_past', 'Choose today or a later day');
    const task = await addTask(ctx, caseId, {
      title: input.title,
      dueOn: input.dueOn,
      assigneeId: (ctx.actor as Actor).userId,
    });
    await audit(ctx, {
      action: 'matching.waiting_list',
      entity: 'case',
      entityId: caseId,
      details: { taskId: task.id, dueOn: input.dueOn },
    });
    return task;
  },
);
