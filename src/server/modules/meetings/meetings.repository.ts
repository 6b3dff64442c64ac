import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseMeetingsTable } from './meetings.table.js';

const COLUMNS = [
  'id',
  'case_id',
  'municipality',
  'meeting_on',
  'partner_ids',
  'categories',
  'note_enc',
  'shared_at',
  'created_at',
] as const;

/** The case meetings of a case, latest meeting first. */
export async function listMeetings(db: Db, caseId: string) {
  return db
    .selectFrom('case_meetings')
    .select(COLUMNS)
    .where('case_id', '=', caseId)
    .orderBy('meeting_on', 'desc')
    .execute();
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

export async function findMeeting(db: Db, caseId: string, id: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('case_meetings')
    .select(COLUMNS)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Locks the meeting row for the rest of the transaction: concurrent shares queue up. */
export async function lockMeeting(db: Db, id: string): Promise<void> {
  await db.selectFrom('case_meetings').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertMeeting(db: Db, row: Insertable<CaseMeetingsTable>): Promise<void> {
  await db.insertInto('case_meetings').values(row).execute();
}

export async function markMeetingShared(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('case_meetings').set({ shared_at: at }).where('id', '=', id).execute();
}
