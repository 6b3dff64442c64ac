import { sql, type Kysely } from 'kysely';

/**
 * Issues 11 and 12, retention and notices:
 * - how long a withdrawn peer-network member's notes are kept (30–365 days, 90 as before) and how long an
 *   unanswered callback request from the public site is kept (30–365 days) become organisation settings
 *   the admin changes;
 * - a purge job deletes callback requests once handled (the contact holds what was needed) or once older
 *   than that period, so the runtime may delete them (and nothing else new);
 * - the peer-network organisers get an in-app alert when a case worker asks for a peer link (a new alert
 *   kind; every earlier kind is kept). The alert carries no case id: the organiser sees no case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations
      add column peer_notes_retention_days integer not null default 90
        check (peer_notes_retention_days between 30 and 365),
      add column callback_retention_days integer not null default 60
        check (callback_retention_days between 30 and 365);
    grant update (peer_notes_retention_days, callback_retention_days) on organisations to confidant_runtime;

    grant delete on callback_requests to confidant_runtime;

    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_accepted','offer_declined','offer_expired',
                      'emergency_request','emergency_decided','referral_cancelled','consent_confirmation',
                      'account_change','peer_link_request'));
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Forward-only: restore from a backup to go back.');
}
