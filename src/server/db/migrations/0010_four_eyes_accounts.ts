import { sql, type Kysely } from 'kysely';

/**
 * Four eyes that one admin cannot defeat alone, and accounts that do not leak across organisations.
 *
 * - `account_events`: who invited, re-activated, changed the role of, or reset the second factor of whom, and
 *   when. Append-only. The emergency path reads it to refuse an approver tied to the requester, and the
 *   database refuses such a decision too. Filled from the audit log for what happened before.
 * - Organisation settings: how many days an account must hold its role before it may start or approve an
 *   emergency request (default 7, at least 1), and whether the organisation's legal basis names serious crime
 *   as an emergency ground (off by default; existing requests keep their ground).
 * - Alerts about account changes, for admins and the privacy officer.
 * - E-mail addresses unique per organisation, no longer per installation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organisations add column emergency_min_account_days integer not null default 7
      check (emergency_min_account_days between 1 and 90);
    alter table organisations add column emergency_serious_crime boolean not null default false;

    create table account_events (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      at timestamptz not null,
      actor_id uuid references users(id),
      subject_id uuid not null references users(id),
      kind text not null check (kind in ('invite','reactivate','role_change','mfa_reset')),
      from_role text,
      to_role text
    );
    create index account_events_subject_idx on account_events (org_id, subject_id, at);
    create index account_events_actor_idx on account_events (org_id, actor_id, at);
    create index account_events_at_idx on account_events (org_id, at);
    create trigger account_events_append_only before update or delete on account_events
      for each row execute function forbid_change();

    insert into account_events (id, org_id, at, actor_id, subject_id, kind, from_role, to_role)
    select gen_random_uuid(), a.org_id, a.at, a.actor_id, u.id,
           case a.action when 'user.invite' then 'invite' when 'user.reactivate' then 'reactivate'
                         when 'user.update' then 'role_change' else 'mfa_reset' end,
           a.details->>'fromRole',
           coalesce(a.details->>'toRole', a.details->>'role')
    from audit_log a
    join users u on u.id::text = a.entity_id and u.org_id = a.org_id
    where a.entity = 'user'
      and (a.action in ('user.invite','user.reactivate','user.reset_mfa')
           or (a.action = 'user.update' and a.details ? 'toRole'));

    alter table alerts add column account_event_id uuid references account_events(id);
    alter table alerts drop constraint alerts_kind_check;
    alter table alerts add constraint alerts_kind_check
      check (kind in ('urgent_case','task_due','offer','offer_declined','offer_expired',
                      'emergency_request','emergency_decided','referral_cancelled','consent_confirmation',
                      'account_change'));

    -- An approver tied to the requester by an account change in the 30 days before the decision (either way
    -- round) is refused here too, whatever the application does.
    create function emergency_requests_independent() returns trigger language plpgsql as $$
    begin
      if new.decided_by is not null and old.decided_by is null and exists (
        select 1 from account_events e
        where e.org_id = new.org_id
          and e.at > new.decided_at - interval '30 days'
          and ((e.actor_id = new.decided_by and e.subject_id = new.requested_by)
            or (e.actor_id = new.requested_by and e.subject_id = new.decided_by))
      ) then
        raise exception 'emergency_independence: the second person is tied to the requester by an account change'
          using errcode = 'check_violation';
      end if;
      return new;
    end $$;
    create trigger emergency_requests_independent before update on emergency_requests
      for each row execute function emergency_requests_independent();

    drop index users_email_key;
    create unique index users_org_email_key on users (org_id, email);
    create index users_email_idx on users (email);

    -- Sign-in by address may now find one account per organisation; a handful at most is tried.
    create or replace function auth_find_login(p_email text) returns table (org_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select u.org_id, u.id from users u where u.email = lower(p_email)
      order by u.last_sign_in_at desc nulls last, u.created_at
      limit 4
    $$;
  `.execute(db);

  await sql`
    alter table account_events enable row level security;
    create policy tenant_isolation on account_events using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert on account_events to confidant_runtime;
    grant update (emergency_min_account_days, emergency_serious_crime) on organisations to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
