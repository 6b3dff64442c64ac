import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, reports at a national helpline's scale: the indexes the report queries' plans need. Each report
 * counts one organisation's events in a period, so each event table gets (org_id, the event's instant or
 * day); the request counts read only the index (the columns they group by are included), the province
 * of a request is found through a small index of callers instead of every caller's row, and the durations
 * find a case's first contact and first counsellor entry in an index alone.
 * `if not exists`: a benchmark database may have them already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create index if not exists contacts_report_idx on contacts (org_id, occurred_at)
          include (category_id, channel, outcome, caller_id)`,
    // A case's first contact and first counsellor entry, per case, without reading the rows (time to …).
    sql`create index if not exists contacts_case_first_idx on contacts (case_id, occurred_at) include (org_id)
          where case_id is not null`,
    sql`create index if not exists case_log_counsellor_idx on case_log (case_id, occurred_at)
          include (org_id, author_id) where contact_id is null`,
    sql`create index if not exists callers_report_idx on callers (org_id, id) include (municipality)`,
    sql`create index if not exists cases_closed_idx on cases (org_id, closed_at) where closed_at is not null`,
    sql`create index if not exists case_interventions_report_idx on case_interventions (org_id, occurred_on)
          include (intervention_id)`,
    sql`create index if not exists referrals_sent_idx on referrals (org_id, sent_at) where sent_at is not null`,
    sql`create index if not exists consents_given_idx on consents (org_id, given_on)`,
    sql`create index if not exists consents_withdrawn_idx on consents (org_id, withdrawn_on)
          where withdrawn_on is not null`,
  ])
    await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
