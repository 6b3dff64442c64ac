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
import { todayOf } from '../cases/cases.service.js';
import { loadCandidates } from '../matching/matching.repository.js';
import { assertTerm } from '../taxonomies/taxonomies.service.js';
import { canViewProfile, isCounsellorAccount, isManager, SELF_SERVICE_FIELDS } from './counsellors.policy.js';

const EMPTY_WEEK = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

async function loadCounsellor(ctx: Ctx, userId: string) {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'org_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
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
  const user = await loadCounsellor(ctx, userId);
  const p = await ctx.db
    .selectFrom('counsellor_profiles')
    .select([
      'status',
      'gender',
      'home_municipality_id',
      'serves_municipality_ids',
      'serves_provinces',
      'remote',
      'max_active_cases',
      'availability',
      'vog_issued_on',
      'vog_expires_on',
      'background_ids_enc',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const languages = await ctx.db
    .selectFrom('counsellor_languages')
    .select(['code', 'level'])
    .where('user_id', '=', userId)
    .orderBy('code')
    .execute();
  const backgrounds = await openOptional(
    ctx,
    'counsellor_profiles',
    'background_ids',
    userId,
    p?.background_ids_enc ?? null,
  );
  const [candidate] = await loadCandidates(ctx.db, ctx.actor.orgId, await todayOf(ctx), null, userId);
  const training = await trainedUntil(ctx, userId);
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

/** 'forever', the last valid date, or null when basic training is missing. */
export async function trainedUntil(ctx: Pick<Ctx, 'db'>, userId: string): Promise<string | null> {
  const rows = await ctx.db
    .selectFrom('training_attendance as ta')
    .innerJoin('training_sessions as s', 's.id', 'ta.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['c.kind', 'ta.expires_on'])
    .where('ta.user_id', '=', userId)
    .where('ta.completed_on', 'is not', null)
    .where('c.kind', 'in', ['basic', 'refresher'])
    .execute();
  if (!rows.some((r) => r.kind === 'basic')) return null;
  if (rows.some((r) => r.expires_on === null)) return 'forever';
  return (
    rows
      .map((r) => r.expires_on!)
      .sort()
      .at(-1) ?? null
  );
}

/** Coordinators edit everything; a counsellor edits their self-service fields (their own background included). */
export async function updateProfile(
  ctx: Ctx,
  userId: string,
  input: CounsellorProfileUpdate,
): Promise<CounsellorProfile> {
  await loadCounsellor(ctx, userId);
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
  for (const id of input.backgroundIds ?? []) await assertTerm(ctx, id, 'background', 'backgroundIds');
  for (const id of [
    ...(input.servesMunicipalityIds ?? []),
    ...(input.homeMunicipalityId ? [input.homeMunicipalityId] : []),
  ]) {
    const m = await ctx.db.selectFrom('municipalities').select('id').where('id', '=', id).executeTakeFirst();
    if (!m)
      throw invalidField(
        'homeMunicipalityId',
        'unknown_municipality',
        'Not a municipality of this organisation',
      );
  }
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
  await ctx.db
    .insertInto('counsellor_profiles')
    .values({ user_id: userId, org_id: ctx.actor.orgId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
  if (input.languages) {
    await ctx.db.deleteFrom('counsellor_languages').where('user_id', '=', userId).execute();
    if (input.languages.length) {
      await ctx.db
        .insertInto('counsellor_languages')
        .values(
          input.languages.map((l) => ({
            org_id: ctx.actor.orgId,
            user_id: userId,
            code: l.code,
            level: l.level,
          })),
        )
        .execute();
    }
  }
  if (input.languages || input.backgroundIds) {
    // The read model matching uses, on the profile row, in the same transaction. Backgrounds live only
    // here, sealed: matching opens them in memory when a caller states a preference.
    const backgrounds = input.backgroundIds ? [...new Set(input.backgroundIds)].sort() : undefined;
    await ctx.db
      .updateTable('counsellor_profiles')
      .set({
        ...(input.languages
          ? { language_codes: [...new Set(input.languages.map((l) => l.code))].sort() }
          : {}),
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
      })
      .where('user_id', '=', userId)
      .execute();
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
  if (!isManager(ctx.actor)) throw new AppError('forbidden');
  const candidates = await loadCandidates(ctx.db, ctx.actor.orgId, await todayOf(ctx), null);
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', '=', 'counsellor')
    .where('status', '=', 'active')
    .orderBy('display_name')
    .execute();
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

export async function listAbsences(ctx: Ctx, userId: string) {
  await loadCounsellor(ctx, userId);
  const rows = await ctx.db
    .selectFrom('counsellor_absences')
    .select(['id', 'from_date', 'to_date', 'note_enc'])
    .where('user_id', '=', userId)
    .orderBy('from_date')
    .execute();
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
  await loadCounsellor(ctx, userId);
  const id = randomUUID();
  await ctx.db
    .insertInto('counsellor_absences')
    .values({
      id,
      org_id: ctx.actor.orgId,
      user_id: userId,
      from_date: input.fromDate,
      to_date: input.toDate,
      note_enc: await sealOptional(ctx, 'counsellor_absences', 'note', id, input.note),
    })
    .execute();
  await audit(ctx, {
    action: 'counsellor.absence_add',
    entity: 'counsellor',
    entityId: userId,
    changedFields: ['absence'],
  });
  return { id };
}

export async function removeAbsence(ctx: Ctx, userId: string, absenceId: string): Promise<void> {
  await loadCounsellor(ctx, userId);
  const r = await ctx.db
    .deleteFrom('counsellor_absences')
    .where('id', '=', absenceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (r.numDeletedRows === 0n) throw new AppError('not_found', 'No such absence');
  await audit(ctx, {
    action: 'counsellor.absence_remove',
    entity: 'counsellor',
    entityId: userId,
    changedFields: ['absence'],
  });
}
