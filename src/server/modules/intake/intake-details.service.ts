import { randomUUID } from 'node:crypto';
import type { Intake } from '../../../shared/cases.schema.js';
import type { Labels } from '../../../shared/taxonomy.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../cases/cases.service.js';
import * as repo from './intake.repository.js';

/** A ticked signal or protective factor, checked against the organisation's list. */
export interface Ticked {
  kind: 'signal' | 'protective';
  termId: string;
  labels: Labels;
}

/**
 * Checks every ticked id in one query: each must be an active term of the right list of the actor's
 * organisation (RLS hides other organisations' terms, so they read as unknown). Duplicates count once.
 */
export async function checkTicked(ctx: Ctx, input: Intake): Promise<Ticked[]> {
  const wanted = [
    ...[...new Set(input.signalIds)].map((id) => ({ id, kind: 'signal' as const, field: 'signalIds' })),
    ...[...new Set(input.protectiveIds)].map((id) => ({
      id,
      kind: 'protective' as const,
      field: 'protectiveIds',
    })),
  ];
  const terms = new Map(
    (
      await repo.findTerms(
        ctx.db,
        wanted.map((w) => w.id),
      )
    ).map((t) => [t.id, t]),
  );
  const errors = wanted
    .filter((w) => {
      const term = terms.get(w.id);
      return !term || term.kind !== w.kind || !term.active;
    })
    .map((w) => ({ field: w.field, reason: 'unknown_term', message: `Not an active ${w.kind}` }));
  if (errors.length) throw new AppError('validation_failed', undefined, { errors });
  return wanted.map((w) => ({ kind: w.kind, termId: w.id, labels: terms.get(w.id)!.labels }));
}

/** Seals the relative's alias for the contact; age band and status stay plain so they can be counted. */
export async function subjectColumns(ctx: Ctx, contactId: string, input: Intake) {
  const { alias, ageBand, status } = input.subject;
  return {
    subject_alias_enc: alias ? await sealText(ctx, 'contacts', 'subject_alias', contactId, alias) : null,
    subject_age_band: ageBand,
    subject_status: status,
  };
}

export async function recordContactObservations(
  ctx: Ctx,
  actor: Actor,
  contactId: string,
  ticked: Ticked[],
  now: Date,
): Promise<void> {
  await repo.insertContactObservations(
    ctx.db,
    ticked.map((x) => ({
      id: randomUUID(),
      org_id: actor.orgId,
      contact_id: contactId,
      kind: x.kind,
      term_id: x.termId,
      created_at: now,
    })),
  );
}

/**
 * Carries what intake learnt into the case, as if recorded there: the ticked signals and protective factors
 * as dated observations pointing at the same terms (their text is the term's label in the organisation's
 * language), and for a new case the relative with their status today.
 */
export async function carryToCase(
  ctx: Ctx,
  actor: Actor,
  call: { caseId: string; input: Intake; ticked: Ticked[]; isNew: boolean; now: Date },
): Promise<void> {
  const { caseId, input, ticked, isNew, now } = call;
  const today = await todayOf(ctx);
  const language = (await repo.orgLanguage(ctx.db, actor.orgId)) as keyof Labels;
  for (const x of ticked) {
    const id = randomUUID();
    await ctx.db
      .insertInto('case_observations')
      .values({
        id,
        org_id: actor.orgId,
        case_id: caseId,
        kind: x.kind,
        term_id: x.termId,
        observed_on: today,
        text_enc: await sealText(ctx, 'case_observations', 'text', id, x.labels[language] || x.labels.nl),
        recorded_by: actor.userId,
        created_at: now,
      })
      .execute();
    await audit(ctx, {
      action: 'case.observation_add',
      entity: 'case_observation',
      entityId: id,
      changedFields: ['kind', 'term_id', 'observed_on', 'text'],
      details: { caseId },
    });
  }
  const s = input.subject;
  if (!isNew || (!s.alias && s.ageBand === 'unknown' && !s.status)) return;
  const subjectId = randomUUID();
  await ctx.db
    .insertInto('case_subjects')
    .values({
      id: subjectId,
      org_id: actor.orgId,
      case_id: caseId,
      alias_enc: await sealText(ctx, 'case_subjects', 'alias', subjectId, s.alias || '—'),
      relation_id: input.relationId,
      age_band: s.ageBand,
      gender: 'unknown',
      municipality: input.municipality,
      created_at: now,
    })
    .execute();
  await audit(ctx, {
    action: 'case.subject_add',
    entity: 'case_subject',
    entityId: subjectId,
    changedFields: ['alias', 'relation_id', 'age_band', 'municipality'],
    details: { caseId },
  });
  if (!s.status) return;
  const eventId = randomUUID();
  await ctx.db
    .insertInto('subject_status_events')
    .values({
      id: eventId,
      org_id: actor.orgId,
      case_id: caseId,
      subject_id: subjectId,
      status: s.status,
      occurred_on: today,
      note_enc: null,
      recorded_by: actor.userId,
      created_at: now,
    })
    .execute();
  await audit(ctx, {
    action: 'case.status_add',
    entity: 'subject_status_event',
    entityId: eventId,
    changedFields: ['status', 'occurred_on'],
    details: { caseId },
  });
}
