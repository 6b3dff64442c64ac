import { sql, type Kysely } from 'kysely';
import { seedMunicipalities } from '../../modules/places/places.seed.js';
import { seedTaxonomies } from '../../modules/taxonomies/taxonomies.seed.js';

/**
 * Counsellors (self-declared background, languages, places, availability, VOG), places, matching offers
 * and training. Matching stores no ethnicity of callers: only the preferences a caller stated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table taxonomy_terms drop constraint taxonomy_terms_kind_check;
    alter table taxonomy_terms add constraint taxonomy_terms_kind_check
      check (kind in ('category','intervention','closure','relation','background','language'));
    alter table organisations add column matching_weights jsonb;
    alter table organisations add column offer_timeout_hours int not null default 24;
    alter table cases add column pref_gender text check (pref_gender in ('female','male','other'));
    alter table cases add column pref_background_id uuid references taxonomy_terms(id);
    alter table cases add column pref_language text;
    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_declined','offer_expired'));

    create table municipalities (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      name text not null,
      province text not null,
      active boolean not null default true
    );
    create unique index municipalities_name_key on municipalities (org_id, lower(name));

    create table counsellor_profiles (
      user_id uuid primary key references users(id),
      org_id uuid not null references organisations(id),
      status text not null default 'candidate' check (status in ('candidate','active','paused','left')),
      gender text check (gender in ('female','male','other')),
      home_municipality_id uuid references municipalities(id),
      serves_municipality_ids uuid[] not null default '{}',
      serves_provinces text[] not null default '{}',
      remote boolean not null default false,
      max_active_cases int not null default 3,
      availability jsonb not null default '{"mon":[],"tue":[],"wed":[],"thu":[],"fri":[],"sat":[],"sun":[]}',
      vog_issued_on date,
      vog_expires_on date,
      updated_at timestamptz not null
    );
    create index counsellor_profiles_org_idx on counsellor_profiles (org_id, status);

    create table counsellor_languages (
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      code text not null,
      level text not null check (level in ('basic','good','native')),
      primary key (user_id, code)
    );
    create index counsellor_languages_org_idx on counsellor_languages (org_id, code);

    create table counsellor_backgrounds (
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      term_id uuid not null references taxonomy_terms(id),
      primary key (user_id, term_id)
    );

    create table counsellor_absences (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      from_date date not null,
      to_date date not null,
      note text not null default ''
    );
    create index counsellor_absences_idx on counsellor_absences (org_id, user_id, to_date);

    create table case_conflicts (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      user_id uuid not null references users(id),
      created_at timestamptz not null,
      unique (case_id, user_id)
    );

    create table case_offers (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      counsellor_id uuid not null references users(id),
      offered_by uuid not null references users(id),
      status text not null check (status in ('pending','accepted','declined','expired','withdrawn')),
      decline_reason text,
      note_enc bytea,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      responded_at timestamptz
    );
    create index case_offers_case_idx on case_offers (case_id, created_at);
    create index case_offers_counsellor_idx on case_offers (org_id, counsellor_id, status);

    create table courses (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      name text not null,
      kind text not null check (kind in ('basic','refresher','specialised')),
      validity_months int,
      created_at timestamptz not null
    );

    create table training_sessions (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      course_id uuid not null references courses(id),
      starts_at timestamptz not null,
      place text not null,
      trainer text not null,
      created_at timestamptz not null
    );

    create table training_attendance (
      org_id uuid not null references organisations(id),
      session_id uuid not null references training_sessions(id),
      user_id uuid not null references users(id),
      attended boolean not null,
      completed_on date,
      expires_on date,
      primary key (session_id, user_id)
    );
    create index training_attendance_user_idx on training_attendance (org_id, user_id);
  `.execute(db);

  const tables = [
    'municipalities',
    'counsellor_profiles',
    'counsellor_languages',
    'counsellor_backgrounds',
    'counsellor_absences',
    'case_conflicts',
    'case_offers',
    'courses',
    'training_sessions',
    'training_attendance',
  ];
  for (const table of tables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (org_id = app_org()) with check (org_id = app_org())`.execute(db);
    await sql`grant select, insert, update on ${sql.table(table)} to confidant_runtime`.execute(db);
  }
  await sql`grant delete on counsellor_languages, counsellor_backgrounds, counsellor_absences to confidant_runtime`.execute(
    db,
  );
  await sql`grant update (matching_weights, offer_timeout_hours) on organisations to confidant_runtime`.execute(
    db,
  );

  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) {
    await seedTaxonomies(db, org.id, new Date());
    await seedMunicipalities(db, org.id);
  }
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
