import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, the organisation-year dashboard at a million contacts: a rollup read model of the reports module.
 * - `report_daily_requests`: the requests (contacts) of each complete day of an organisation, counted by
 *   category, channel, outcome, municipality and province of the caller: no row-level data, only counts.
 * - `report_daily_request_kinds`: the same without the place (half the rows at a million contacts): what the
 *   dashboard's request panels and every breakdown without a place read.
 * - Both hold counts of complete days as the contacts were at the last refresh (nightly): see reports.jobs.ts.
 * - `report_case_times`: per case, the day of its first contact and its durations in hours (to the first
 *   assignment, to the first counsellor contact), so medians and percentiles are computed from it exactly.
 * - `report_rollups`: per organisation, the last complete day in the rollup and when it was refreshed.
 * Filled by the `reports.rollup` job (reports.jobs.ts); the reports read complete days from here and add the
 * days after `through` live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_daily_requests (
      org_id uuid not null references organisations(id),
      day date not null,
      category_id text,
      channel text,
      outcome text,
      municipality text,
      province text not null,
      n integer not null check (n > 0)
    );
    create index report_daily_requests_idx on report_daily_requests (org_id, day);

    create table report_daily_request_kinds (
      org_id uuid not null references organisations(id),
      day date not null,
      category_id text,
      channel text,
      outcome text,
      n integer not null check (n > 0)
    );
    create index report_daily_request_kinds_idx on report_daily_request_kinds (org_id, day);

    create table report_case_times (
      org_id uuid not null references organisations(id),
      -- Removed with its case, should a case ever be deleted (no residue of it in the read model).
      case_id uuid not null references cases(id) on delete cascade,
      start_day date not null,
      category_id text,
      province text not null,
      hours_to_assignment float8,
      hours_to_first_contact float8,
      primary key (org_id, case_id)
    );
    create index report_case_times_idx on report_case_times (org_id, start_day);

    create table report_rollups (
      org_id uuid primary key references organisations(id),
      through date not null,
      refreshed_at timestamptz not null
    );

    alter table report_daily_requests enable row level security;
    create policy tenant_isolation on report_daily_requests
      using (org_id = app_org()) with check (org_id = app_org());
    alter table report_daily_request_kinds enable row level security;
    create policy tenant_isolation on report_daily_request_kinds
      using (org_id = app_org()) with check (org_id = app_org());
    alter table report_case_times enable row level security;
    create policy tenant_isolation on report_case_times
      using (org_id = app_org()) with check (org_id = app_org());
    alter table report_rollups enable row level security;
    create policy tenant_isolation on report_rollups using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert, update, delete
      on report_daily_requests, report_daily_request_kinds, report_case_times, report_rollups
      to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
