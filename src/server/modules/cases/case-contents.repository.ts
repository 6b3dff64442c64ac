import { sql, type Insertable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/database.js';
import type { CaseLogTable } from './cases.table.js';

/** What a case holds, as the case page reads it: its subjects, statuses, observations, goals and contact log. */

/** A bytea inside JSON arrives as `\\x…` hex text. */
function bytes(hex: string): Buffer {
  return Buffer.from(hex.slice(2), 'hex');
}

function bytesOrNull(hex: string | null): Buffer | null {
  return hex === null ? null : bytes(hex);
}

/**
 * Everything the case page shows besides the case row, in one statement: the caller (whether a phone number
 * is on file, never the number), the counsellor's name, and each list of items, every list as one JSON array
 * in its display order. Sealed columns come back as bytes, still sealed.
 */
export async function caseContents(
  db: Db,
  c: { id: string; caller_id: string; counsellor_id: string | null },
) {
  const row = await db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('callers as k')
          .select(['k.alias_enc', 'k.language', 'k.municipality'])
          .select(sql<boolean>`k.phone_enc is not null`.as('has_phone'))
          .where('k.id', '=', c.caller_id),
      ).as('caller'),
      jsonObjectFrom(
        eb
          .selectFrom('users as u')
          .select(['u.id', 'u.display_name'])
          // No counsellor: `= null` matches no row.
          .where('u.id', '=', c.counsellor_id as string),
      ).as('counsellor'),
      jsonArrayFrom(
        eb
          .selectFrom('case_subjects')
          .select(['id', 'alias_enc', 'relation_id', 'age_band', 'gender', 'municipality'])
          .where('case_id', '=', c.id)
          .orderBy('created_at'),
      ).as('subjects'),
      jsonArrayFrom(
        eb
          .selectFrom('subject_status_events')
          .select(['id', 'subject_id', 'status', 'occurred_on', 'note_enc'])
          .where('case_id', '=', c.id)
          .orderBy('occurred_on')
          .orderBy('created_at'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('case_observations')
          .select(['id', 'kind', 'observed_on', 'text_enc'])
          .where('case_id', '=', c.id)
          .orderBy('observed_on')
          .orderBy('created_at'),
      ).as('observations'),
      jsonArrayFrom(
        eb
          .selectFrom('case_goals')
          .select(['id', 'text_enc', 'status'])
          .where('case_id', '=', c.id)
          .orderBy('created_at'),
      ).as('goals'),
      jsonArrayFrom(
        eb
          .selectFrom('case_log as l')
          .leftJoin('users as a', 'a.id', 'l.author_id')
          .select([
            'l.id',
            'l.occurred_at',
            'l.channel',
            'l.duration_minutes',
            'l.with_whom_enc',
            'l.note_enc',
            'l.contact_id',
            'a.display_name as author_name',
          ])
          .where('l.case_id', '=', c.id)
          .orderBy('l.occurred_at', 'desc'),
      ).as('log'),
      jsonArrayFrom(
        eb
          .selectFrom('case_interventions')
          .select(['id', 'intervention_id', 'occurred_on', 'note_enc'])
          .where('case_id', '=', c.id)
          .orderBy('occurred_on'),
      ).as('interventions'),
      jsonArrayFrom(
        eb
          .selectFrom('tasks')
          .select(['id', 'kind', 'title_enc', 'due_on', 'assignee_id'])
          .select(sql<boolean>`done_at is not null`.as('done'))
          .where('case_id', '=', c.id)
          .where('cancelled_at', 'is', null)
          .orderBy('due_on'),
      ).as('tasks'),
    ])
    .executeTakeFirstOrThrow();
  // JSON carries bytea as hex text and timestamps as text: give them their types back.
  const hexOf = (v: unknown) => v as string;
  const caller = row.caller;
  if (!caller) throw new Error('The case has no caller');
  return {
    caller: { ...caller, alias_enc: bytes(hexOf(caller.alias_enc)) },
    counsellor: row.counsellor,
    subjects: row.subjects.map((r) => ({ ...r, alias_enc: bytes(hexOf(r.alias_enc)) })),
    events: row.events.map((r) => ({ ...r, note_enc: bytesOrNull(hexOf(r.note_enc)) })),
    observations: row.observations.map((r) => ({ ...r, text_enc: bytes(hexOf(r.text_enc)) })),
    goals: row.goals.map((r) => ({ ...r, text_enc: bytes(hexOf(r.text_enc)) })),
    log: row.log.map((r) => ({
      ...r,
      occurred_at: new Date(r.occurred_at),
      with_whom_enc: bytesOrNull(hexOf(r.with_whom_enc)),
      note_enc: bytes(hexOf(r.note_enc)),
    })),
    interventions: row.interventions.map((r) => ({ ...r, note_enc: bytesOrNull(hexOf(r.note_enc)) })),
    tasks: row.tasks.map((r) => ({ ...r, title_enc: bytes(hexOf(r.title_enc)) })),
  };
}

export async function subjects(db: Db, caseId: string) {
  return db
    .selectFrom('case_subjects')
    .select(['id', 'alias_enc', 'relation_id', 'age_band', 'gender', 'municipality'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function statusEvents(db: Db, caseId: string) {
  return db
    .selectFrom('subject_status_events')
    .select(['id', 'subject_id', 'status', 'occurred_on', 'note_enc'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
}

export async function observations(db: Db, caseId: string) {
  return db
    .selectFrom('case_observations')
    .select(['id', 'kind', 'observed_on', 'text_enc'])
    .where('case_id', '=', caseId)
    .orderBy('observed_on')
    .orderBy('created_at')
    .execute();
}

export async function goals(db: Db, caseId: string) {
  return db
    .selectFrom('case_goals')
    .select(['id', 'text_enc', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function insertLogEntry(db: Db, row: Insertable<CaseLogTable>): Promise<void> {
  await db.insertInto('case_log').values(row).execute();
}

export async function logEntries(db: Db, caseId: string) {
  return db
    .selectFrom('case_log as l')
    .leftJoin('users as u', 'u.id', 'l.author_id')
    .select([
      'l.id',
      'l.occurred_at',
      'l.channel',
      'l.duration_minutes',
      'l.with_whom_enc',
      'l.note_enc',
      'l.contact_id',
      'u.display_name as author_name',
    ])
    .where('l.case_id', '=', caseId)
    .orderBy('l.occurred_at', 'desc')
    .execute();
}

export async function findLogByRequest(db: Db, requestId: string) {
  return db
    .selectFrom('case_log')
    .select(['id', 'case_id'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}
