import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  AbsenceCreateSchema,
  CounsellorProfile,
  CounsellorProfileUpdate,
} from '../../../shared/counsellors.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { openOptional, sealOptional } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { listCandidates } from '../matching/matching.repository.js';
import { findMunicipalityIds } from '../places/places.repository.js';
import { assertTerms } from '../taxonomies/taxonomies.service.js';
import { listTrainedUntil } from '../training/training.repository.js';
import {
  authorizeCounsellor,
  authorizeManager,
  canViewProfile,
  isCounsellorAccount,
  isManager,
  SELF_SERVICE_FIELDS,
} from './counsellors.policy.js';
import * as repo from './counsellors.repository.js';

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

async function getCounsellor(ctx: Ctx, userId: string) {
  const user = await repo.findAccount(ctx.db, userId);
  if (
    !user ||
    user.org_id !== ctx.actor.orgId ||
    !isCounsellorAccount(user) ||
    !canViewProfile(ctx.actor, userId)
  ) {
    throw new AppError('not_found', 'No such counsellor');
  }
  return user;
}

/** The profile, with derived facts (current caseload, training valid until). */
export async function getProfile(ctx: Ctx, userId: string): Promise<CounsellorProfile> {
  const user = await getCounsellor(ctx, userId);
  const p = await repo.findProfile(ctx.db, userId);
  const languages = await repo.listLanguages(ctx.db, userId);
  const backgrounds = await openOptional(
    ctx,
    'counsellor_profiles',
    'background_ids',
    userId,
    p?.background_ids_enc ?? null,
  );
  const [candidate] = await listCandidates(ctx.db, ctx.actor.orgId, await todayOf(ctx), null, [userId]);
  const training = (await listTrainedUntil(ctx.db, [userId])).get(userId) ?? null;
  return {
    userId,
    name: user.display_name,
    status: p?.status ?? 'candidate',
    gender: p?.gender ?? null,
    languages,
    backgroundIds: backgrounds ? (JSON.parse(backgrounds) as string[]) : [],
    homeMunicipalityId: p?.home_municipality_id ?? null,
    servesMunicipalityIds: p?.serves_municipality_ids ?? [],
    servesProvinces: (p?.serves_provinces ?? []) as CounsellorProfile['servesProvinces'],
    remote: p?.remote ?? false,
    maxActiveCases: p?.max_active_cases ?? 3,
    availability: p?.availability ?? EMPTY_WEEK,
    vogIssuedOn: p?.vog_issued_on ?? null,
    vogExpiresOn: p?.vog_expires_on ?? null,
    activeCases: candidate?.activeCases ?? 0,
    trainedUntil: training,
  };
}

/** Coordinators edit everything; a counsellor edits their self-service fields (their own background included). */
export async function updateProfile(
  ctx: Ctx,
  userId: string,
  input: CounsellorProfileUpdate,
): Promise<CounsellorProfile> {
  await getCounsellor(ctx, userId);
  const fields = Object.keys(input).filter((k) => input[k as keyof CounsellorProfileUpdate] !== undefined);
  if (!isManager(ctx.actor)) {
    const forbidden = fields.filter((f) => !(SELF_SERVICE_FIELDS as readonly string[]).includes(f));
    if (forbidden.length) {
      throw new AppError('forbidden', 'Only a coordinator changes these fields', {
        errors: forbidden.map((f) => ({
          field: f,
          reason: 'coordinator_only',
          message: 'Only a coordinator changes this',
        })),
      });
    }
  }
  // A counsellor's background is self-declared: only they set it, nobody sets it for them.
  if (input.backgroundIds !== undefined && !(ctx.actor.kind === 'user' && ctx.actor.userId === userId)) {
    throw new AppError('forbidden', 'Only the counsellor declares their background', {
      errors: [
        {
          field: 'backgroundIds',
          reason: 'self_declared',
          message: 'Only the counsellor declares their background',
        },
      ],
    });
  }
  // One query for every background named, not one per term.
  if (input.backgroundIds?.length) await assertTerms(ctx, input.backgroundIds, 'background', 'backgroundIds');
  const places = [
    ...(input.servesMunicipalityIds ?? []),
    ...(input.homeMunicipalityId ? [input.homeMunicipalityId] : []),
  ];
  // One query for every place named, not one per place.
  const known = await findMunicipalityIds(ctx.db, [...new Set(places)]);
  if (places.some((id) => !known.has(id)))
    throw invalidField(
      'homeMunicipalityId',
      'unknown_municipality',
      'Not a municipality of this organisation',
    );
  if (input.vogIssuedOn && input.vogExpiresOn && input.vogExpiresOn < input.vogIssuedOn) {
    throw invalidField('vogExpiresOn', 'before_issue', 'Expires before it was issued');
  }
  const now = ctx.clock.now();
  const row = {
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
    ...(input.homeMunicipalityId !== undefined ? { home_municipality_id: input.homeMunicipalityId } : {}),
    ...(input.servesMunicipalityIds !== undefined
      ? { serves_municipality_ids: input.servesMunicipalityIds }
      : {}),
    ...(input.servesProvinces !== undefined ? { serves_provinces: input.servesProvinces } : {}),
    ...(input.remote !== undefined ? { remote: input.remote } : {}),
    ...(input.maxActiveCases !== undefined ? { max_active_cases: input.maxActiveCases } : {}),
    ...(input.availability !== undefined ? { availability: JSON.stringify(input.availability) } : {}),
    ...(input.vogIssuedOn !== undefined ? { vog_issued_on: input.vogIssuedOn } : {}),
    ...(input.vogExpiresOn !== undefined ? { vog_expires_on: input.vogExpiresOn } : {}),
    updated_at: now,
  };
  await repo.upsertProfile(ctx.db, ctx.actor.orgId, userId, row);
  if (input.languages) await repo.replaceLanguages(ctx.db, ctx.actor.orgId, userId, input.languages);
  if (input.languages || input.backgroundIds) {
    // The read model matching uses, on the profile row, in the same transaction. Backgrounds live only
    // here, sealed: matching opens them in memory when a caller states a preference.
    const backgrounds = input.backgroundIds ? [...new Set(input.backgroundIds)].sort() : undefined;
    await repo.updateMatchingFacts(ctx.db, userId, {
      ...(input.languages ? { language_codes: [...new Set(input.languages.map((l) => l.code))].sort() } : {}),
      ...(backgrounds
        ? {
            background_ids_enc: await sealOptional(
              ctx,
              'counsellor_profiles',
              'background_ids',
              userId,
              backgrounds.length ? JSON.stringify(backgrounds) : '',
            ),
          }
        : {}),
    });
  }
  await audit(ctx, {
    action: 'counsellor.update',
    entity: 'counsellor',
    entityId: userId,
    changedFields: fields,
    ...(input.status ? { details: { status: input.status } } : {}),
  });
  return getProfile(ctx, userId);
}

/** The coordinator's overview of counsellors with the facts matching uses. */
export async function listCounsellors(ctx: Ctx) {
  authorizeManager(ctx.actor);
  const candidates = await listCandidates(ctx.db, ctx.actor.orgId, await todayOf(ctx), null);
  const users = await repo.listActiveCounsellors(ctx.db, ctx.actor.orgId);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    items: users.map((u) => {
      const c = byId.get(u.id);
      return {
        userId: u.id,
        name: u.display_name,
        status: (c?.status ?? 'candidate') as 'candidate' | 'active' | 'paused' | 'left',
        languages: c?.languages ?? [],
        activeCases: c?.activeCases ?? 0,
        maxActiveCases: c?.maxCases ?? 0,
        trained: c?.trained ?? false,
        vogValid: c?.vogValid ?? false,
        available: c?.available ?? false,
      };
    }),
  };
}

/** Active counsellors with their open caseload, for the coordinator's assignment choice. */
export async function counsellorOptions(ctx: Ctx) {
  authorizeCounsellor(ctx.actor, 'counsellor.options');
  const rows = await repo.listActiveCounsellors(ctx.db, ctx.actor.orgId);
  // The same count as matching's capacity filter, so the dialog and the shortlist never disagree.
  const caseloads = await repo.countCaseloads(ctx.db, ctx.actor.orgId);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.display_name, activeCases: caseloads.get(r.id) ?? 0 })),
  };
}

export async function listAbsences(ctx: Ctx, userId: string) {
  await getCounsellor(ctx, userId);
  const rows = await repo.listAbsences(ctx.db, userId);
  return {
    items: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        fromDate: r.from_date,
        toDate: r.to_date,
        note: await openOptional(ctx, 'counsellor_absences', 'note', r.id, r.note_enc),
      })),
    ),
  };
}

export async function addAbsence(ctx: Ctx, userId: string, input: z.infer<typeof AbsenceCreateSchema>) {
  await getCounsellor(ctx, userId);
  const id = randomUUID();
  await repo.insertAbsence(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    user_id: userId,
    from_date: input.fromDate,
    to_date: input.toDate,
    note_enc: await sealOptional(ctx, 'counsellor_absences', 'note', id, input.note),
  });
  await audit(ctx, {
    action: 'counsellor.absence_add',
    entity: 'counsellor',
    entityId: userId,
    changedFields: ['absence'],
  });
  return { id };
}

export async function removeAbsence(ctx: Ctx, userId: string, absenceId: string): Promise<void> {
  await getCounsellor(ctx, userId);
  if (!(await repo.deleteAbsence(ctx.db, userId, absenceId)))
    throw new AppError('not_found', 'No such absence');
  await audit(ctx, {
    action: 'counsellor.absence_remove',
    entity: 'counsellor',
    entityId: userId,
    changedFields: ['absence'],
  });
}
