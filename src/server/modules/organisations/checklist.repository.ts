import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * The facts behind each set-up step, in one round trip:
 * - organisation: its case-work settings (time zone or aftercare schedule) were saved at least once;
 * - consent: its consent periods were saved at least once (both read from the audit chain, the record of
 *   who confirmed what — a default left untouched is not a decision);
 * - staff: at least one coordinator and one counsellor invited or active;
 * - counsellors: at least one counsellor profile set to active with a conversation language;
 * - partners: at least one active partner organisation.
 */
export async function checklistFacts(db: Db, orgId: string) {
  const { rows } = await sql<{
    organisation: boolean;
    consent: boolean;
    coordinators: number;
    counsellors: number;
    profiles: number;
    partners: number;
    dismissed_at: Date | null;
  }>`
    select
      exists (select 1 from audit_log where org_id = ${orgId} and action = 'organisation.settings_update'
              and changed_fields && array['time_zone','aftercare_schedule']::text[]) as organisation,
      exists (select 1 from audit_log where org_id = ${orgId} and action = 'organisation.settings_update'
              and changed_fields && array['consent_valid_months','consent_written_days']::text[]) as consent,
      (select count(*)::int from users where org_id = ${orgId} and role = 'coordinator'
         and status <> 'deactivated') as coordinators,
      (select count(*)::int from users where org_id = ${orgId} and role = 'counsellor'
         and status <> 'deactivated') as counsellors,
      (select count(*)::int from counsellor_profiles where org_id = ${orgId} and status = 'active'
         and cardinality(language_codes) > 0) as profiles,
      (select count(*)::int from partners where org_id = ${orgId} and active) as partners,
      (select setup_checklist_dismissed_at from organisations where id = ${orgId}) as dismissed_at
  `.execute(db);
  return rows[0]!;
}

export async function markDismissed(db: Db, orgId: string, at: Date): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ setup_checklist_dismissed_at: at })
    .where('id', '=', orgId)
    .where('setup_checklist_dismissed_at', 'is', null)
    .execute();
}
