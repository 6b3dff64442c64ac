import type { Db } from '../../db/database.js';

/** The caller of a case: whether a phone number is on file, and their language. */
export async function findCallerOf(db: Db, callerId: string) {
  return db
    .selectFrom('callers')
    .select(['id', 'language', 'phone_enc'])
    .where('id', '=', callerId)
    .executeTakeFirst();
}

/** The callback preferences of the latest call of a case (a repeat call may have changed them). */
export async function findLatestCallback(db: Db, caseId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'language', 'may_call_back', 'may_leave_message', 'safe_times_enc', 'safe_channel'])
    .where('case_id', '=', caseId)
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
