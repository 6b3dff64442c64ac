import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';

export async function getOrganisation(db: Db, id: string) {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'default_language', 'is_demo', 'time_zone'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  return org;
}

/** The organisation's IANA time zone (Europe/Amsterdam unless the admin changed it). */
export async function getTimeZone(db: Db, orgId: string): Promise<string> {
  const org = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  return org.time_zone;
}

export async function updateTimeZone(db: Db, orgId: string, timeZone: string, now: Date): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ time_zone: timeZone, updated_at: now })
    .where('id', '=', orgId)
    .execute();
}

/** How long consent runs by default, and how many days verbal consent has to become written. */
export async function getConsentSettings(
  db: Db,
  orgId: string,
): Promise<{ validMonths: number; writtenDays: number }> {
  const org = await db
    .selectFrom('organisations')
    .select(['consent_valid_months', 'consent_written_days'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { validMonths: org.consent_valid_months, writtenDays: org.consent_written_days };
}

export async function updateConsentSettings(
  db: Db,
  orgId: string,
  consent: { validMonths: number; writtenDays: number },
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      consent_valid_months: consent.validMonths,
      consent_written_days: consent.writtenDays,
      updated_at: now,
    })
    .where('id', '=', orgId)
    .execute();
}

/** The aftercare intervals per support level, stored as given (the service sorts them). */
export async function updateAftercareSchedule(
  db: Db,
  orgId: string,
  schedule: { light: number[]; moderate: number[]; intensive: number[] },
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ aftercare_schedule: JSON.stringify(schedule), updated_at: now })
    .where('id', '=', orgId)
    .execute();
}

export async function insertOrganisation(
  db: Db,
  row: { id: string; name: string; default_language: string; now: Date },
) {
  await db
    .insertInto('organisations')
    .values({
      id: row.id,
      name: row.name,
      default_language: row.default_language,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}

export async function isInstalled(db: Db): Promise<boolean> {
  const row = await db.selectFrom('installation').select('id').executeTakeFirst();
  return row !== undefined;
}

/** Claims the one-time first-run set-up; false if someone else did it first. */
export async function claimInstallation(db: Db, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('installation')
    .values({ set_up_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The organisation's emergency settings. */
export async function getEmergencySettings(
  db: Db,
  orgId: string,
): Promise<{ minAccountDays: number; seriousCrimeAllowed: boolean }> {
  const row = await db
    .selectFrom('organisations')
    .select(['emergency_min_account_days', 'emergency_serious_crime'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { minAccountDays: row.emergency_min_account_days, seriousCrimeAllowed: row.emergency_serious_crime };
}

export async function updateEmergencySettings(
  db: Db,
  orgId: string,
  patch: { minAccountDays: number; seriousCrimeAllowed: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      emergency_min_account_days: patch.minAccountDays,
      emergency_serious_crime: patch.seriousCrimeAllowed,
      updated_at: now,
    })
    .where('id', '=', orgId)
    .execute();
}
