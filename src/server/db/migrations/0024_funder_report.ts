import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, dashboards and the yearly funder report:
 * - `cases.first_assigned_at`: when a counsellor first took the case (by matching or direct assignment), for
 *   "time from first contact to counsellor assigned". Earlier cases get it from the audit log, where every
 *   assignment is recorded.
 * - contacts by case, so that a case's first contact is found without scanning the organisation's contacts.
 * - `funder_reports`: the narrative a coordinator writes for a year's funder report, one per organisation
 *   and year. It is written for funders and holds no case content, so it is stored as text (and audited).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cases add column first_assigned_at timestamptz;
    update cases ca set first_assigned_at = a.at
      from (
        select org_id, entity_id, min(at) as at from audit_log
        where entity = 'case' and action = 'case.assign'
        group by org_id, entity_id
      ) a
      where a.org_id = ca.org_id and a.entity_id = ca.id::text;
    create index contacts_case_idx on contacts (case_id, occurred_at) where case_id is not null;
    create index tasks_aftercare_idx on tasks (org_id, due_on) where kind = 'aftercare';

    create table funder_reports (
      org_id uuid not null references organisations(id),
      year integer not null check (year between 2000 and 2100),
      narrative text not null,
      updated_by uuid not null references users(id),
      updated_at timestamptz not null,
      primary key (org_id, year)
    );
    alter table funder_reports enable row level security;
    create policy tenant_isolation on funder_reports using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert, update on funder_reports to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
