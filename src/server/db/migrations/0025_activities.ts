import { sql, type Kysely } from 'kysely';
import { seedTaxonomies } from '../../modules/taxonomies/taxonomies.seed.js';

/**
 * Issue 12, community work: information meetings, mothers' programme sessions, workshops and the like.
 * Activity types are a new taxonomy kind (seeded for every organisation); a type may require a training
 * course. Attendance is a count, never names. A contact may name the activity it came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table taxonomy_terms drop constraint taxonomy_terms_kind_check;
    alter table taxonomy_terms add constraint taxonomy_terms_kind_check
      check (kind in ('category','intervention','closure','relation','background','language','signal','protective',
                      'activity_type'));

    create table activity_type_courses (
      term_id uuid primary key references taxonomy_terms(id),
      org_id uuid not null references organisations(id),
      course_id uuid not null references courses(id),
      updated_at timestamptz not null
    );

    create table activities (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      type_id uuid not null references taxonomy_terms(id),
      title text not null check (length(title) between 1 and 160),
      held_on date not null,
      start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      place text not null default '',
      municipality_id uuid not null references municipalities(id),
      host_partner_id uuid references partners(id),
      languages text[] not null default '{}',
      audience text not null,
      is_public boolean not null default false,
      cancelled boolean not null default false,
      attendees integer check (attendees >= 0),
      materials_enc bytea,
      evaluation_enc bytea,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (end_time > start_time)
    );
    create index activities_org_day_idx on activities (org_id, held_on);
    create index activities_public_idx on activities (org_id, held_on) where is_public and not cancelled;

    create table activity_facilitators (
      activity_id uuid not null references activities(id),
      user_id uuid not null references users(id),
      org_id uuid not null references organisations(id),
      primary key (activity_id, user_id)
    );
    create index activity_facilitators_user_idx on activity_facilitators (org_id, user_id);

    create table activity_partners (
      activity_id uuid not null references activities(id),
      partner_id uuid not null references partners(id),
      org_id uuid not null references organisations(id),
      primary key (activity_id, partner_id)
    );

    create table activity_tasks (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      activity_id uuid not null references activities(id),
      title_enc bytea not null,
      due_on date,
      assignee_id uuid references users(id),
      done_at timestamptz,
      created_by uuid not null references users(id),
      created_at timestamptz not null
    );
    create index activity_tasks_activity_idx on activity_tasks (activity_id);

    alter table contacts add column source_activity_id uuid references activities(id);
    create index contacts_source_activity_idx on contacts (org_id, source_activity_id)
      where source_activity_id is not null;
  `.execute(db);
  for (const table of [
    'activity_type_courses',
    'activities',
    'activity_facilitators',
    'activity_partners',
    'activity_tasks',
  ]) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (org_id = app_org()) with check (org_id = app_org())`.execute(db);
  }
  await sql`
    grant select, insert, update, delete on activity_type_courses to confidant_runtime;
    grant select, insert, update on activities to confidant_runtime;
    grant select, insert, delete on activity_facilitators to confidant_runtime;
    grant select, insert, delete on activity_partners to confidant_runtime;
    grant select, insert, update on activity_tasks to confidant_runtime;
  `.execute(db);
  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) await seedTaxonomies(db, org.id, new Date());
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
