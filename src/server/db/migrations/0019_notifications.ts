import { sql, type Kysely } from 'kysely';

/**
 * Issue 9, notifications: the coordinators also hear when a counsellor accepts an offer (a new alert kind;
 * every earlier kind is kept), and the unread count in the navigation is read from a partial index of the
 * unread alerts per user, polled by every signed-in screen. And the admin's set-up checklist: when an admin
 * put it away (only possible once every item is done).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_accepted','offer_declined','offer_expired',
                      'emergency_request','emergency_decided','referral_cancelled','consent_confirmation',
                      'account_change'));
    create index alerts_unread_idx on alerts (org_id, user_id) where read_at is null;
    alter table organisations add column setup_checklist_dismissed_at timestamptz;
    grant update (setup_checklist_dismissed_at) on organisations to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Forward-only: restore from a backup to go back.');
}
