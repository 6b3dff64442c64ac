import type { CaseDetail } from '../../../shared/cases.schema.js';
import { CASE_STATES } from '../../../shared/cases.schema.js';
import type { Ctx } from '../../lib/context.js';
import { openOptional, openText } from '../../lib/fields.js';
import { recordAccess } from '../audit/audit.service.js';
import { canOnCase, canTransition } from './cases.policy.js';
import { caseContents } from './case-contents.repository.js';
import { loadCase } from './cases.service.js';

/** The case page: the case with everything the actor may see of it, in one read. */

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
    await caseContents(ctx.db, row);
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
