import { sql, type Kysely } from 'kysely';

/**
 * Personal data that earlier versions stored in clear is sealed like the other free text (AES-GCM under the
 * organisation's data key, bound to table, column and row; see docs/data-protection.md). A migration cannot
 * reach the keys, so it moves every clear value into `sealing_backlog`, drops the clear columns (no code can
 * write clear text there again), and start-up seals the backlog into the new `*_enc` columns before serving
 * (modules/sealing). The backlog is the only place such clear text remains, and only until the next start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sealing_backlog (
      org_id uuid not null references organisations(id),
      table_name text not null,
      column_name text not null,
      row_id uuid not null,
      value text not null,
      primary key (table_name, column_name, row_id)
    );
    create index sealing_backlog_org_idx on sealing_backlog (org_id);
    alter table sealing_backlog enable row level security;
    create policy tenant_isolation on sealing_backlog using (org_id = app_org()) with check (org_id = app_org());
    grant select, delete on sealing_backlog to confidant_runtime;

    -- Which organisations still have clear values: ids only, for start-up, before any organisation is set.
    create function sealing_backlog_orgs() returns setof uuid
      language sql stable security definer set search_path = public, pg_temp as $$
      select distinct org_id from sealing_backlog
    $$;
    revoke execute on function sealing_backlog_orgs() from public;
    grant execute on function sealing_backlog_orgs() to confidant_runtime;

    alter table case_log add column with_whom_enc bytea;
    insert into sealing_backlog select org_id, 'case_log', 'with_whom', id, with_whom
      from case_log where with_whom <> '';
    alter table case_log drop column with_whom;

    alter table case_access_grants add column reason_enc bytea;
    insert into sealing_backlog select org_id, 'case_access_grants', 'reason', id, reason
      from case_access_grants where reason <> '';
    alter table case_access_grants drop column reason;

    alter table counsellor_absences add column note_enc bytea;
    insert into sealing_backlog select org_id, 'counsellor_absences', 'note', id, note
      from counsellor_absences where note <> '';
    alter table counsellor_absences drop column note;

    alter table cases add column pref_background_enc bytea;
    insert into sealing_backlog select org_id, 'cases', 'pref_background', id, pref_background_id::text
      from cases where pref_background_id is not null;
    alter table cases drop column pref_background_id;

    -- A counsellor's self-declared backgrounds: the join table and its copy on the profile, merged, as JSON.
    alter table counsellor_profiles add column background_ids_enc bytea;
    insert into sealing_backlog
      select p.org_id, 'counsellor_profiles', 'background_ids', p.user_id, to_jsonb(a.ids)::text
      from counsellor_profiles p
      cross join lateral (
        select array_agg(distinct x order by x) as ids from (
          select unnest(p.background_ids) as x
          union select b.term_id::text from counsellor_backgrounds b where b.user_id = p.user_id
        ) u
      ) a
      where a.ids is not null;
    alter table counsellor_profiles drop column background_ids;
    drop table counsellor_backgrounds;

    alter table partners add column contact_person_enc bytea, add column notes_enc bytea;
    insert into sealing_backlog select org_id, 'partners', 'contact_person', id, contact_person
      from partners where contact_person <> '';
    insert into sealing_backlog select org_id, 'partners', 'notes', id, notes
      from partners where notes <> '';
    alter table partners drop column contact_person, drop column notes;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
