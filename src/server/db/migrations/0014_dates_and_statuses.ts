import { sql, type Kysely } from 'kysely';

/**
 * Issue 14, wrong answers:
 * - the organisation's time zone decides which day "today" is (due dates, consent and training validity);
 *   the server validates the IANA name, the database only bounds its length.
 * - the person-of-concern status "signs of radicalising" was a judgement, not a fact, and not in the
 *   design's list; existing rows become "concerns reported" and the database refuses any status outside
 *   the factual list from now on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations add column time_zone text not null default 'Europe/Amsterdam'
      check (length(time_zone) between 1 and 64);
    grant update (time_zone) on organisations to confidant_runtime;
  `.execute(db);
  await neutralSubjectStatuses(db);
}

/** Rewrites the judgement status to the factual one, then lets the database refuse anything off the list. */
export async function neutralSubjectStatuses(db: Kysely<unknown>): Promise<void> {
  await sql`
    update subject_status_events set status = 'concerns_reported' where status = 'signs_of_radicalising';
    alter table subject_status_events add constraint subject_status_events_status_check check (status in (
      'at_home','concerns_reported','departed','abroad','detained','returned','deceased','unknown'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
