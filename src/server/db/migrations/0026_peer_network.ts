import { sql, type Kysely } from 'kysely';

/**
 * Issue 12, Platform Achterblijvers: the private peer network of parents whose child radicalised, left or
 * died. Its data is kept apart from case data in the database itself, in both directions:
 * - the transaction of a signed-in user carries the user's role in `app.actor_role` (set with the
 *   organisation, see db/database.ts); peer tables answer only to `peer_organiser` (and to the peer jobs,
 *   which say `peer_system`), so no case endpoint can read a membership, whatever its SQL;
 * - case tables refuse `peer_organiser` (restrictive policies), so the network's organiser reads no case.
 *   Only the intervention list lets them insert: linking a caller records intervention I4 on the case.
 * The one bridge is `peer_link_requests`: a case worker's request (status, a sealed hand-over the caller
 * consented to) without any member in it; which member was linked lives in `peer_links`, peer-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table users drop constraint users_role_check;
    alter table users add constraint users_role_check
      check (role in ('admin','coordinator','counsellor','analyst','privacy_officer','peer_organiser'));

    create function app_actor_role() returns text language sql stable as $$
      select nullif(current_setting('app.actor_role', true), '')
    $$;
    grant execute on function app_actor_role() to public;

    create table peer_members (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      alias_enc bytea not null,
      phone_enc bytea,
      email_enc bytea,
      language text not null,
      status text not null default 'active' check (status in ('active','withdrawn')),
      joined_on date not null,
      withdrawn_on date,
      notes_enc bytea,
      notes_erase_on date,
      notes_erased_at timestamptz,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index peer_members_org_idx on peer_members (org_id, status);

    create table peer_member_consents (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      member_id uuid not null references peer_members(id),
      kind text not null check (kind in ('membership','linking')),
      method text not null check (method in ('written','verbal_recorded','digital')),
      given_on date not null,
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null,
      withdrawn_on date,
      withdrawn_by uuid references users(id)
    );
    create index peer_member_consents_member_idx on peer_member_consents (member_id, kind);

    create table peer_meetings (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      held_at timestamptz not null,
      place_enc bytea not null,
      facilitator text not null,
      call_number text not null,
      note_enc bytea,
      created_by uuid not null references users(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index peer_meetings_org_idx on peer_meetings (org_id, held_at);

    create table peer_meeting_invites (
      org_id uuid not null references organisations(id),
      meeting_id uuid not null references peer_meetings(id),
      member_id uuid not null references peer_members(id),
      invited_at timestamptz not null,
      emailed_at timestamptz,
      attended boolean,
      primary key (meeting_id, member_id)
    );
    create index peer_meeting_invites_member_idx on peer_meeting_invites (member_id);

    create table peer_link_requests (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      case_id uuid not null references cases(id),
      caller_consent_id uuid not null references consents(id),
      consent_valid_until date not null,
      status text not null default 'requested'
        check (status in ('requested','linked','declined','cancelled')),
      handover_enc bytea not null,
      language text not null,
      requested_by uuid not null references users(id),
      requested_at timestamptz not null,
      decided_by uuid references users(id),
      decided_at timestamptz
    );
    create index peer_link_requests_case_idx on peer_link_requests (case_id, requested_at);
    create index peer_link_requests_open_idx on peer_link_requests (org_id, status, requested_at);

    create table peer_links (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      request_id uuid not null unique references peer_link_requests(id),
      member_id uuid not null references peer_members(id),
      linked_by uuid not null references users(id),
      linked_at timestamptz not null
    );
    create index peer_links_member_idx on peer_links (member_id);
  `.execute(db);

  for (const table of [
    'peer_members',
    'peer_member_consents',
    'peer_meetings',
    'peer_meeting_invites',
    'peer_link_requests',
    'peer_links',
  ]) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      create policy tenant_isolation on ${sql.table(table)}
        using (org_id = app_org()) with check (org_id = app_org());
      grant select, insert, update on ${sql.table(table)} to confidant_runtime;
    `.execute(db);
  }
  await sql`grant delete on peer_meeting_invites to confidant_runtime`.execute(db);

  // The network's own tables: only its organiser and its jobs.
  for (const table of [
    'peer_members',
    'peer_member_consents',
    'peer_meetings',
    'peer_meeting_invites',
    'peer_links',
  ]) {
    await sql`create policy peer_only on ${sql.table(table)} as restrictive
      using (app_actor_role() in ('peer_organiser','peer_system'))
      with check (app_actor_role() in ('peer_organiser','peer_system'))`.execute(db);
  }
  // The bridge: those who work cases ask, the organiser answers; nobody else reads it.
  await sql`create policy peer_bridge on peer_link_requests as restrictive
    using (app_actor_role() in ('coordinator','counsellor','peer_organiser','peer_system'))
    with check (app_actor_role() in ('coordinator','counsellor','peer_organiser','peer_system'))`.execute(db);

  // Case tables refuse the organiser outright; the intervention list takes their I4 insert only.
  for (const table of [
    'callers',
    'case_counters',
    'cases',
    'contacts',
    'contact_observations',
    'intake_drafts',
    'case_subjects',
    'subject_status_events',
    'case_observations',
    'case_goals',
    'case_log',
    'tasks',
    'case_access_grants',
    'case_conflicts',
    'case_offers',
    'consents',
    'consent_documents',
    'referrals',
    'emergency_requests',
    'case_meetings',
    'disclosures',
  ]) {
    await sql`create policy no_peer_organiser on ${sql.table(table)} as restrictive
      using (app_actor_role() is distinct from 'peer_organiser')
      with check (app_actor_role() is distinct from 'peer_organiser')`.execute(db);
  }
  for (const command of ['select', 'update', 'delete'] as const) {
    await sql`create policy ${sql.id(`no_peer_organiser_${command}`)} on case_interventions as restrictive
      for ${sql.raw(command)} using (app_actor_role() is distinct from 'peer_organiser')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
