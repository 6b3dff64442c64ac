import { randomUUID } from 'node:crypto';
import type { Intake } from '../../../shared/cases.schema.js';
import type { Labels } from '../../../shared/taxonomy.schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayIn } from '../../lib/dates.js';
import * as repo from './intake.repository.js';
import type { IntakeFacts } from './intake.repository.js';

/** A ticked signal or protective factor, checked against the organisation's list. */
export interface Ticked {
  kind: 'signal' | 'protective';
  termId: string;
  labels: Labels;
}

/** A single-term field of the intake form and the list its term must come from. */
const SINGLE_TERMS = [
  { field: 'categoryId', kind: 'category', pick: (i: Intake) => i.categoryId },
  { field: 'relationId', kind: 'relation', pick: (i: Intake) => i.relationId },
  { field: 'preferences.backgroundId', kind: 'background', pick: (i: Intake) => i.preferences.backgroundId },
] as const;

function tickedOf(input: Intake) {
  return [
    ...[...new Set(input.signalIds)].map((id) => ({ id, kind: 'signal' as const, field: 'signalIds' })),
    ...[...new Set(input.protectiveIds)].map((id) => ({
      id,
      kind: 'protective' as const,
      field: 'protectiveIds',
    })),
  ];
}

function singlesOf(input: Intake) {
  return SINGLE_TERMS.map((s) => ({ ...s, id: s.pick(input) })).filter(
    (s): s is typeof s & { id: string } => !!s.id,
  );
}

/** Every term id the form names, once: to be read in the save's one look-up (`repo.intakeFacts`). */
export function termIdsOf(input: Intake): string[] {
  return [...new Set([...singlesOf(input).map((s) => s.id), ...tickedOf(input).map((w) => w.id)])];
}

/**
 * Checks every term the form names — category, relation, background and each ticked signal or protective
 * factor — against the terms read for them: each must be an active term of the right list of the actor's
 * organisation (RLS hides other organisations' terms, so they read as unknown). The single fields are refused
 * first, one at a time and in form order, as before; then every wrong ticked id at once. Duplicates count once.
 */
export function checkTerms(orgId: string, input: Intake, found: IntakeFacts['terms']): Ticked[] {
  const wanted = tickedOf(input);
  const terms = new Map(found.map((t) => [t.id, t]));
  const wrong = (id: string, kind: string) => {
    const term = terms.get(id);
    return !term || term.org_id !== orgId || term.kind !== kind || !term.active;
  };
  for (const s of singlesOf(input)) {
    if (wrong(s.id, s.kind)) {
      throw new AppError('validation_failed', undefined, {
        errors: [{ field: s.field, reason: 'unknown_term', message: `Not an active ${s.kind}` }],
      });
    }
  }
  const errors = wanted
    .filter((w) => wrong(w.id, w.kind))
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
  const s = input.subject;
  const withSubject = isNew && !!(s.alias || s.ageBand !== 'unknown' || s.status);
  if (ticked.length === 0 && !withSubject) return;
  // The organisation's day and language, in one look-up (todayOf would read the time zone on its own).
  const org = await repo.orgSettings(ctx.db, actor.orgId);
  const today = todayIn(org.time_zone, ctx.clock.now());
  const language = org.default_language as keyof Labels;
  const observations = await Promise.all(
    ticked.map(async (x) => {
      const id = randomUUID();
      return {
        id,
        org_id: actor.orgId,
        case_id: caseId,
        kind: x.kind,
        term_id: x.termId,
        observed_on: today,
        text_enc: await sealText(ctx, 'case_observations', 'text', id, x.labels[language] || x.labels.nl),
        recorded_by: actor.userId,
        created_at: now,
      };
    }),
  );
  await repo.insertCaseObservations(ctx.db, observations);
  for (const o of observations) {
    await audit(ctx, {
      action: 'case.observation_add',
      entity: 'case_observation',
      entityId: o.id,
      changedFields: ['kind', 'term_id', 'observed_on', 'text'],
      details: { caseId },
    });
  }
  if (!withSubject) return;
  const subjectId = randomUUID();
  await repo.insertCaseSubject(ctx.db, {
    id: subjectId,
    org_id: actor.orgId,
    case_id: caseId,
    alias_enc: await sealText(ctx, 'case_subjects', 'alias', subjectId, s.alias || '—'),
    relation_id: input.relationId,
    age_band: s.ageBand,
    gender: 'unknown',
    municipality: input.municipality,
    created_at: now,
  });
  await audit(ctx, {
    action: 'case.subject_add',
    entity: 'case_subject',
    entityId: subjectId,
    changedFields: ['alias', 'relation_id', 'age_band', 'municipality'],
    details: { caseId },
  });
  if (!s.status) return;
  const eventId = randomUUID();
  await repo.insertStatusEvent(ctx.db, {
    id: eventId,
    org_id: actor.orgId,
    case_id: caseId,
    subject_id: subjectId,
    status: s.status,
    occurred_on: today,
    note_enc: null,
    recorded_by: actor.userId,
    created_at: now,
  });
  await audit(ctx, {
    action: 'case.status_add',
    entity: 'subject_status_event',
    entityId: eventId,
    changedFields: ['status', 'occurred_on'],
    details: { caseId },
  });
}
