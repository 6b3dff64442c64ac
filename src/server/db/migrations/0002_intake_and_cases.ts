import { sql, type Kysely } from 'kysely';
import { seedTaxonomies } from '../../modules/taxonomies/taxonomies.seed.js';

/**
 * Intake, contacts and cases. Free text lives in `*_enc` columns, sealed with the organisation key and
 * bound to table, column and row. Callers and persons of concern have no ethnicity or religion field.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations add column aftercare_schedule jsonb;

    create table taxonomy_terms (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      kind text not null check (kind in ('category','intervention','closure','relation')),
      code text not null,
      labels jsonb not null,
      active boolean not null default true,
      requires_consent boolean not null default false,
      sort int not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (org_id, kind, code)
    );

    create table callers (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      alias_enc bytea not null,
      phone_enc bytea,
      phone_hmac bytea,
      language text not null,
      municipality text not null default '',
      created_at timestamptz not null
    );
    create index callers_phone_idx on callers (org_id, phone_hmac);

    create table case_counters (
      org_id uuid not null references organisations(id),
      year int not null,
      n int not null,
      primary key (org_id, year)
    );

    create table cases (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      reference text not null,
      state text not null check (state in ('intake','matching','active','aftercare','closed')),
      urgent boolean not null default false,
      category_id uuid not null references taxonomy_terms(id),
      caller_id uuid not null references callers(id),
      coordinator_id uuid references users(id),
      counsellor_id uuid references users(id),
      support_level text check (support_level in ('light','moderate','intensive')),
      municipality text not null default '',
      summary_enc bytea not null,
      opened_at timestamptz not null,
      closed_at timestamptz,
      closure_id uuid references taxonomy_terms(id),
      handover_municipality text,
      handover_on date,
      last_activity_at timestamptz not null,
      updated_at timestamptz not null,
      unique (org_id, reference)
    );
    create index cases_list_idx on cases (org_id, opened_at desc, id);
    create index cases_counsellor_idx on cases (org_id, counsellor_id);

    create table contacts (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      request_id uuid not null,
      caller_id uuid not null references callers(id),
      case_id uuid references cases(id),
      channel text not null,
      language text not null,
      category_id uuid not null references taxonomy_terms(id),
      relation_id uuid references taxonomy_terms(id),
      summary_enc bytea not null,
      immediate_danger boolean not null,
      may_call_back boolean not null,
      may_leave_message boolean not null,
      safe_times_enc bytea,
      safe_channel text,
      confidentiality_explained boolean not null,
      duration_minutes int,
      outcome text not null check (outcome in ('info_only','open_case','link_case')),
      taken_by uuid not null references users(id),
      occurred_at timestamptz not null,
      created_at timestamptz not null,
      unique (org_id, request_id)
    );
    create index contacts_recent_idx on contacts (org_id, occurred_at desc);

    create table intake_drafts (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      data_enc bytea not null,
      updated_at timestamptz not null
    );
    create index intake_drafts_user_idx on intake_drafts (org_id, user_id);

    create table case_subjects (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      alias_enc bytea not null,
      relation_id uuid references taxonomy_terms(id),
      age_band text not null,
      gender text not null,
      municipality text not null default '',
      created_at timestamptz not null
    );
    create index case_subjects_case_idx on case_subjects (case_id);

    create table subject_status_events (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      subject_id uuid not null references case_subjects(id),
      status text not null,
      occurred_on date not null,
      note_enc bytea,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null
    );
    create index subject_status_case_idx on subject_status_events (case_id);

    create table case_observations (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('signal','protective')),
      observed_on date not null,
      text_enc bytea not null,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null
    );
    create index case_observations_case_idx on case_observations (case_id);

    create table case_goals (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      text_enc bytea not null,
      status text not null check (status in ('open','achieved','dropped')),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index case_goals_case_idx on case_goals (case_id);

    create table case_log (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      request_id uuid not null,
      occurred_at timestamptz not null,
      channel text not null,
      duration_minutes int not null,
      with_whom text not null default '',
      note_enc bytea not null,
      author_id uuid not null references users(id),
      created_at timestamptz not null,
      unique (org_id, request_id)
    );
    create index case_log_case_idx on case_log (case_id, occurred_at);

    create table case_interventions (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      intervention_id uuid not null references taxonomy_terms(id),
      occurred_on date not null,
      note_enc bytea,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null
    );
    create index case_interventions_case_idx on case_interventions (case_id);

    create table tasks (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('follow_up','aftercare')),
      title_enc bytea not null,
      due_on date not null,
      assignee_id uuid references users(id),
      done_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null
    );
    create index tasks_case_idx on tasks (case_id);
    create index tasks_due_idx on tasks (org_id, due_on) where done_at is null;

    create table alerts (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      kind text not null check (kind in ('urgent_case','task_due')),
      case_id uuid references cases(id),
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index alerts_user_idx on alerts (org_id, user_id, created_at desc);

    create table case_access_grants (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      user_id uuid not null references users(id),
      reason text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null
    );
    create index case_access_grants_idx on case_access_grants (case_id, user_id, expires_at);
  `.execute(db);

  const tables = [
    'taxonomy_terms',
    'callers',
    'case_counters',
    'cases',
    'contacts',
    'intake_drafts',
    'case_subjects',
    'subject_status_events',
    'case_observations',
    'case_goals',
    'case_log',
    'case_interventions',
    'tasks',
    'alerts',
    'case_access_grants',
  ];
  for (const table of tables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (org_id = app_org()) with check (org_id = app_org())`.execute(db);
    await sql`grant select, insert, update on ${sql.table(table)} to confidant_runtime`.execute(db);
  }
  await sql`grant delete on intake_drafts to confidant_runtime`.execute(db);
  await sql`grant update (aftercare_schedule) on organisations to confidant_runtime`.execute(db);

  // Organisations created before this migration get the standard lists.
  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) await seedTaxonomies(db, org.id, new Date());
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
