import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  AssignSchema,
  CaseDetail,
  CaseListQuery,
  CaseSummary,
  CaseUpdateSchema,
  TransitionSchema,
} from '../../../shared/cases.schema.js';
import { CASE_STATES } from '../../../shared/cases.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, startOfDay, todayIn } from '../../lib/dates.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { openMany, openOptional, openText, sealText } from '../../lib/fields.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { assertTerm } from '../taxonomies/taxonomies.service.js';
import { assertEligible, withdrawPendingOffers } from '../matching/eligibility.js';
import { cancelOpenAftercare, scheduleAftercare } from './aftercare.service.js';
import {
  authorizeCaseRole,
  caseListScope,
  canOnCase,
  canTransition,
  caseAccess,
  canGrantAccess,
  isAssignableCounsellor,
  type CaseAction,
  type CaseFacts,
} from './cases.policy.js';
import { todayOf } from '../organisations/today.js';
import * as repo from './cases.repository.js';

/** How long a coordinator's reasoned access to someone else's case lasts. */
export const GRANT_MS = 8 * 3_600_000;

export interface LoadedCase {
  row: repo.CaseRow;
  facts: CaseFacts;
  grant: boolean;
}

function factsOf(row: repo.CaseRow): CaseFacts {
  return {
    orgId: row.org_id,
    state: row.state,
    coordinatorId: row.coordinator_id,
    counsellorId: row.counsellor_id,
  };
}

/**
 * Loads a case the actor may act on. A case they may not see is "not found", like a missing one; a
 * coordinator opening someone else's case is asked for a reason first.
 */
export async function loadCase(ctx: Ctx, id: string, action: CaseAction): Promise<LoadedCase> {
  const found = await repo.findCaseWithGrant(
    ctx.db,
    id,
    ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    ctx.clock.now(),
  );
  if (!found) throw new AppError('not_found', 'No such case');
  const { row, granted: grant } = found;
  const facts = factsOf(row);
  const access = caseAccess(ctx.actor, facts, grant);
  if (access === 'none') throw new AppError('not_found', 'No such case');
  if (access === 'needs_reason') throw new AppError('reason_required');
  if (!canOnCase(ctx.actor, facts, grant, action)) throw new AppError('forbidden');
  return { row, facts, grant };
}

/** A coordinator states why they open a case assigned to someone else; logged, valid for eight hours. */
export async function grantAccess(ctx: Ctx, id: string, reason: string): Promise<void> {
  const row = await repo.findCase(ctx.db, id);
  if (!row || caseAccess(ctx.actor, factsOf(row), false) === 'none')
    throw new AppError('not_found', 'No such case');
  if (!canGrantAccess(ctx.actor, factsOf(row))) throw new AppError('forbidden');
  const actor = ctx.actor as Actor;
  const now = ctx.clock.now();
  const grantId = randomUUID();
  await repo.insertGrant(ctx.db, {
    id: grantId,
    org_id: actor.orgId,
    case_id: id,
    user_id: actor.userId,
    reason_enc: await sealText(ctx, 'case_access_grants', 'reason', grantId, reason),
    expires_at: new Date(now.getTime() + GRANT_MS),
    created_at: now,
  });
  await recordAccess(ctx, { entity: 'case', entityId: id, purpose: 'access_granted', reason });
  await audit(ctx, { action: 'case.access_grant', entity: 'case', entityId: id, changedFields: ['access'] });
}

/** The whole case, decrypted, for someone allowed to read it. The read goes to the access log. */
export async function getCase(ctx: Ctx, id: string): Promise<CaseDetail> {
  const { row, facts, grant } = await loadCase(ctx, id, 'case.view');
  await recordAccess(ctx, {
    entity: 'case',
    entityId: id,
    purpose: 'view',
    reason: grant ? 'granted' : null,
  });
  const { caller, counsellor, subjects, events, observations, goals, log, interventions, tasks } =
    await repo.caseContents(ctx.db, row);
  const open = (table: string, column: string, rowId: string, v: Uint8Array | null) =>
    openOptional(ctx, table, column, rowId, v);
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    allowedTransitions: CASE_STATES.filter((to) => canTransition(ctx.actor, facts, grant, to)),
    urgent: row.urgent,
    supportLevel: row.support_level,
    preferences: {
      counsellorGender: row.pref_gender as CaseDetail['preferences']['counsellorGender'],
      backgroundId: row.pref_background_enc
        ? await openText(ctx, 'cases', 'pref_background', row.id, row.pref_background_enc)
        : null,
      language: row.pref_language as CaseDetail['preferences']['language'],
    },
    categoryId: row.category_id,
    summary: await openText(ctx, 'cases', 'summary', row.id, row.summary_enc),
    municipality: row.municipality,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closureId: row.closure_id,
    handoverMunicipality: row.handover_municipality,
    handoverOn: row.handover_on,
    counsellor: counsellor ? { id: counsellor.id, name: counsellor.display_name } : null,
    caller: {
      alias: await openText(ctx, 'callers', 'alias', row.caller_id, caller.alias_enc),
      language: caller.language,
      municipality: caller.municipality,
      hasPhone: caller.has_phone,
    },
    subjects: await Promise.all(
      subjects.map(async (s) => ({
        id: s.id,
        alias: await openText(ctx, 'case_subjects', 'alias', s.id, s.alias_enc),
        relationId: s.relation_id,
        ageBand: s.age_band,
        gender: s.gender,
        municipality: s.municipality,
      })),
    ),
    statusEvents: await Promise.all(
      events.map(async (e) => ({
        id: e.id,
        subjectId: e.subject_id,
        status: e.status as CaseDetail['statusEvents'][number]['status'],
        occurredOn: e.occurred_on,
        note: await open('subject_status_events', 'note', e.id, e.note_enc),
      })),
    ),
    observations: await Promise.all(
      observations.map(async (o) => ({
        id: o.id,
        kind: o.kind,
        observedOn: o.observed_on,
        text: await openText(ctx, 'case_observations', 'text', o.id, o.text_enc),
      })),
    ),
    goals: await Promise.all(
      goals.map(async (g) => ({
        id: g.id,
        status: g.status,
        text: await openText(ctx, 'case_goals', 'text', g.id, g.text_enc),
      })),
    ),
    log: await Promise.all(
      log.map(async (l) => ({
        id: l.id,
        occurredAt: l.occurred_at.toISOString(),
        channel: l.channel,
        durationMinutes: l.duration_minutes,
        withWhom: await open('case_log', 'with_whom', l.id, l.with_whom_enc),
        note: await openText(ctx, 'case_log', 'note', l.id, l.note_enc),
        authorName: l.author_name,
        intake: l.contact_id !== null,
      })),
    ),
    interventions: await Promise.all(
      interventions.map(async (i) => ({
        id: i.id,
        interventionId: i.intervention_id,
        occurredOn: i.occurred_on,
        note: await open('case_interventions', 'note', i.id, i.note_enc),
      })),
    ),
    tasks: await Promise.all(
      tasks.map(async (t) => ({
        id: t.id,
        kind: t.kind,
        title: await openText(ctx, 'tasks', 'title', t.id, t.title_enc),
        dueOn: t.due_on,
        done: t.done,
        assigneeId: t.assignee_id,
      })),
    ),
    abilities: {
      canEdit: canOnCase(ctx.actor, facts, grant, 'case.edit'),
      canAssign: canOnCase(ctx.actor, facts, grant, 'case.assign'),
      canTransition: CASE_STATES.some((to) => canTransition(ctx.actor, facts, grant, to)),
    },
  };
}

export function toSummary(r: Awaited<ReturnType<typeof repo.listCases>>[number]): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    state: r.state,
    urgent: r.urgent,
    categoryId: r.category_id,
    municipality: r.municipality,
    counsellorId: r.counsellor_id,
    counsellorName: r.counsellor_name,
    openedAt: r.opened_at.toISOString(),
    lastActivityAt: r.last_activity_at.toISOString(),
    overdueTasks: r.overdue_tasks,
  };
}

/** Coordinators list the organisation's cases; counsellors only their own (scoped in the query itself). */
export async function listCases(
  ctx: Ctx,
  q: CaseListQuery,
): Promise<{ items: CaseSummary[]; next: string | null }> {
  authorizeCaseRole(ctx.actor, 'case.list');
  const scope = caseListScope(ctx.actor);
  const timeZone = await getTimeZone(ctx.db, ctx.actor.orgId);
  // "Opened from 1 to 31 March" means those days where the organisation is, not in UTC.
  const cursor = q.after ? decodeCursor(q.after, 'after') : undefined;
  const rows = await repo.listCases(ctx.db, ctx.actor.orgId, q, todayIn(timeZone, ctx.clock.now()), {
    ...(scope.counsellorId ? { scopeCounsellorId: scope.counsellorId } : {}),
    ...(cursor ? { cursor } : {}),
    ...(q.from ? { openedFrom: startOfDay(timeZone, q.from) } : {}),
    ...(q.to ? { openedBefore: startOfDay(timeZone, addDays(q.to, 1)) } : {}),
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next =
    rows.length > q.limit && last
      ? encodeCursor({
          at: q.sort === 'activity_desc' ? last.last_activity_at : last.opened_at,
          id: last.id,
        })
      : null;
  // The alias is opened only for the cases of this page, in one pass with the organisation's key.
  const aliases = await openMany(
    ctx,
    'callers',
    'alias',
    page.map((r) => ({ id: r.caller_id, sealed: r.caller_alias_enc })),
  );
  return {
    items: page.map((r) => ({ ...toSummary(r), callerAlias: aliases.get(r.caller_id) ?? '' })),
    next,
  };
}

export async function updateCase(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof CaseUpdateSchema>,
): Promise<void> {
  const { row } = await loadCase(ctx, id, 'case.edit');
  const patch: {
    summary_enc?: Buffer;
    support_level?: typeof input.supportLevel;
    urgent?: boolean;
    pref_gender?: string | null;
    pref_background_enc?: Buffer | null;
    pref_language?: string | null;
  } = {};
  if (input.preferences) {
    if (input.preferences.backgroundId)
      await assertTerm(ctx, input.preferences.backgroundId, 'background', 'preferences.backgroundId');
    patch.pref_gender = input.preferences.counsellorGender;
    patch.pref_background_enc = input.preferences.backgroundId
      ? await sealText(ctx, 'cases', 'pref_background', id, input.preferences.backgroundId)
      : null;
    patch.pref_language = input.preferences.language;
  }
  if (input.summary !== undefined)
    patch.summary_enc = await sealText(ctx, 'cases', 'summary', id, input.summary);
  if (input.supportLevel !== undefined) patch.support_level = input.supportLevel;
  if (input.urgent !== undefined && input.urgent !== row.urgent) patch.urgent = input.urgent;
  const changed = [
    ...new Set(
      Object.keys(patch).map((k) => (k.startsWith('pref_') ? 'preferences' : k.replace(/_enc$/, ''))),
    ),
  ];
  if (!changed.length) return;
  const now = ctx.clock.now();
  await repo.updateCase(ctx.db, id, { ...patch, last_activity_at: now, updated_at: now });
  await audit(ctx, { action: 'case.update', entity: 'case', entityId: id, changedFields: changed });
}

/** Assigns (or reassigns) the counsellor; the audit log keeps the history of who had the case. */
export async function assignCounsellor(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof AssignSchema>,
): Promise<void> {
  const { row } = await loadCase(ctx, id, 'case.assign');
  const counsellor = await repo.userOfOrg(ctx.db, ctx.actor.orgId, input.counsellorId);
  if (!counsellor || !isAssignableCounsellor(counsellor)) {
    throw invalidField('counsellorId', 'not_a_counsellor', 'Choose an active counsellor');
  }
  if (row.state === 'closed' || row.state === 'aftercare')
    throw new AppError('invalid_transition', 'Reopen the case before assigning it');
  // Direct assignment passes the same hard filters as matching (training, VOG, capacity…): no way around them.
  // A direct assignment is the coordinator's own choice of place; every safety filter still applies.
  await assertEligible(ctx, id, counsellor.id, { reach: 'wide', interpreter: false });
  const now = ctx.clock.now();
  await withdrawPendingOffers(ctx, id);
  if (row.counsellor_id && row.counsellor_id !== counsellor.id)
    await repo.moveOpenTasks(ctx.db, id, row.counsellor_id, counsellor.id);
  await repo.assignCase(ctx.db, id, counsellor.id, now);
  await audit(ctx, {
    action: row.counsellor_id ? 'case.reassign' : 'case.assign',
    entity: 'case',
    entityId: id,
    changedFields: ['counsellor_id', ...(row.state !== 'active' ? ['state'] : [])],
    details: { from: row.counsellor_id, to: counsellor.id },
  });
}

/**
 * Moves a case along its state machine. Closing (to aftercare or closed) needs a closure code, and for a
 * hand-over to the municipality, which one and when; moving to aftercare schedules the aftercare tasks.
 */
export async function transitionCase(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof TransitionSchema>,
): Promise<void> {
  const { row, facts, grant } = await loadCase(ctx, id, 'case.view');
  if (!canTransition(ctx.actor, facts, grant, input.to)) {
    throw new AppError(
      'invalid_transition',
      `A case in state ${row.state} cannot move to ${input.to} by you`,
    );
  }
  const now = ctx.clock.now();
  const closing = input.to === 'aftercare' || (input.to === 'closed' && row.state !== 'aftercare');
  const patch: repo.CasePatch = { state: input.to, last_activity_at: now, updated_at: now };
  const changed = ['state'];
  if (closing) {
    if (!input.closureId) {
      throw invalidField('closureId', 'required', 'Choose a closure code');
    }
    const closure = await assertTerm(ctx, input.closureId, 'closure', 'closureId');
    patch.closure_id = input.closureId;
    patch.closed_at = now;
    changed.push('closure_id');
    if (closure.code === 'handover_municipality') {
      const errors = [
        ...(!input.handoverMunicipality
          ? [{ field: 'handoverMunicipality', reason: 'required', message: 'Which municipality?' }]
          : []),
        ...(!input.handoverOn
          ? [{ field: 'handoverOn', reason: 'required', message: 'Handed over on which date?' }]
          : []),
      ];
      if (errors.length) throw new AppError('validation_failed', undefined, { errors });
      patch.handover_municipality = input.handoverMunicipality;
      patch.handover_on = input.handoverOn;
      changed.push('handover_municipality', 'handover_on');
    }
    if (input.to === 'aftercare' && !row.support_level) {
      throw invalidField(
        'supportLevel',
        'required',
        'Set the support level first: it decides the aftercare schedule',
      );
    }
  }
  if (input.to === 'active' && (row.state === 'closed' || row.state === 'aftercare')) {
    patch.closed_at = null;
    changed.push('closed_at');
  }
  await repo.updateCase(ctx.db, id, patch);
  if (input.to !== 'matching') await withdrawPendingOffers(ctx, id);
  // Reopening, or closing after aftercare, ends the open aftercare check-ins of the earlier closure.
  if ((input.to === 'active' || input.to === 'closed') && row.state === 'aftercare')
    await cancelOpenAftercare(ctx, id);
  if (input.to === 'active' && row.state === 'closed') await cancelOpenAftercare(ctx, id);
  await audit(ctx, {
    action: 'case.transition',
    entity: 'case',
    entityId: id,
    changedFields: changed,
    details: { from: row.state, to: input.to },
  });
  if (input.to === 'aftercare')
    await scheduleAftercare(ctx, {
      caseId: id,
      level: row.support_level!,
      assigneeId: row.counsellor_id,
      closedOn: await todayOf(ctx),
    });
}
