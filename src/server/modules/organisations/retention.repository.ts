import type { RetentionSettings } from '../../../shared/retention.schema.js';
import type { Db } from '../../db/database.js';

/** The organisation's retention periods (the database keeps each within 30–365 days). */
export async function findRetentionSettings(db: Db, orgId: string): Promise<RetentionSettings> {
  const row = await db
    .selectFrom('organisations')
    .select(['peer_notes_retention_days', 'callback_retention_days'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { peerNotesDays: row.peer_notes_retention_days, callbackDays: row.callback_retention_days };
}

export async function updateRetentionSettings(
  db: Db,
  orgId: string,
  settings: RetentionSettings,
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      peer_notes_retention_days: settings.peerNotesDays,
      callback_retention_days: settings.callbackDays,
      updated_at: now,
    })
    .where('id', '=', orgId)
    .execute();
}
