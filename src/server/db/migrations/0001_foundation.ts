import { sql, type Kysely } from 'kysely';

/**
 * Foundation schema: organisations, their keys, users, invites, sessions, the hash-chained audit log, the
 * access log, the job queue and sign-in throttling.
 *
 * Every tenant table carries org_id and a row-level-security policy on `app_org()`, the organisation set for
 * the current transaction. No organisation set → NULL → no rows (fail closed). The runtime role
 * `confidant_runtime` owns nothing and gets only the privileges listed here; the few look-ups that must
 * happen before an organisation is known (sign-in by e-mail, session by token hash, invite by token hash,
 * claiming jobs) are narrow SECURITY DEFINER functions that return ids, never content.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function app_org() returns uuid language sql stable as $$
      select nullif(current_setting('app.org_id', true), '')::uuid
    $$;

    create table installation (
      id int primary key default 1 check (id = 1),
      set_up_at timestamptz not null
    );

    create table organisations (
      id uuid primary key,
      name text not null check (length(name) between 2 and 120),
      default_language text not null default 'nl',
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table org_keys (
      org_id uuid not null references organisations(id),
      version int not null,
      wrapped_key bytea not null,
      master_key_id text not null,
      created_at timestamptz not null,
      primary key (org_id, version)
    );

    create table users (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      email text not null check (email = lower(email)),
      display_name text not null,
      role text not null check (role in ('admin','coordinator','counsellor','analyst','privacy_officer')),
      status text not null check (status in ('invited','active','deactivated')),
      language text not null default 'nl' check (language in ('nl','en','ar','tr')),
      password_hash text,
      password_changed_at timestamptz,
      totp_secret bytea,
      totp_enrolled_at timestamptz,
      totp_last_step bigint,
      last_sign_in_at timestamptz,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create unique index users_email_key on users (email);
    create index users_org_idx on users (org_id);

    create table invites (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      token_hash bytea not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz,
      created_by uuid references users(id),
      created_at timestamptz not null
    );
    create index invites_user_idx on invites (user_id);

    create table sessions (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      token_hash bytea not null unique,
      stage text not null check (stage in ('mfa','enrol','full')),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expiry_idx on sessions (expires_at);

    create table audit_heads (
      org_id uuid primary key references organisations(id),
      seq bigint not null,
      hash bytea not null
    );

    create table audit_log (
      org_id uuid not null references organisations(id),
      seq bigint not null,
      at timestamptz not null,
      actor_id uuid,
      action text not null,
      entity text not null,
      entity_id text,
      changed_fields text[] not null default '{}',
      details jsonb not null default '{}',
      prev_hash bytea not null,
      hash bytea not null,
      primary key (org_id, seq)
    );
    create index audit_log_actor_idx on audit_log (org_id, actor_id, seq);
    create index audit_log_entity_idx on audit_log (org_id, entity, entity_id, seq);
    create index audit_log_at_idx on audit_log (org_id, at);

    create table access_log (
      id bigint generated always as identity primary key,
      org_id uuid not null references organisations(id),
      at timestamptz not null,
      actor_id uuid not null,
      entity text not null,
      entity_id text not null,
      purpose text not null,
      reason text
    );
    create index access_log_entity_idx on access_log (org_id, entity, entity_id, id);
    create index access_log_actor_idx on access_log (org_id, actor_id, id);

    create table jobs (
      id uuid primary key,
      org_id uuid references organisations(id),
      kind text not null,
      payload jsonb not null default '{}',
      dedupe_key text unique,
      status text not null default 'queued' check (status in ('queued','running','done','failed')),
      run_at timestamptz not null,
      attempts int not null default 0,
      max_attempts int not null default 5,
      locked_by text,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      finished_at timestamptz
    );
    create index jobs_due_idx on jobs (run_at) where status in ('queued','running');

    create table auth_throttle (
      key_hash bytea primary key,
      window_started_at timestamptz not null,
      failures int not null,
      blocked_until timestamptz
    );
  `.execute(db);

  // Row-level security on every tenant table.
  for (const table of [
    'org_keys',
    'users',
    'invites',
    'sessions',
    'audit_heads',
    'audit_log',
    'access_log',
  ]) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (org_id = app_org()) with check (org_id = app_org())`.execute(db);
  }
  await sql`
    alter table organisations enable row level security;
    create policy tenant_isolation on organisations using (id = app_org()) with check (id = app_org());
    alter table jobs enable row level security;
    create policy tenant_isolation on jobs using (org_id = app_org()) with check (org_id = app_org());
  `.execute(db);

  // The audit and access logs are append-only, for everyone including the owner.
  await sql`
    create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function forbid_change();
    create trigger access_log_append_only before update or delete on access_log
      for each row execute function forbid_change();
  `.execute(db);

  // Narrow look-ups before an organisation is known. They return ids only.
  await sql`
    create function auth_find_login(p_email text) returns table (org_id uuid, user_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select u.org_id, u.id from users u where u.email = lower(p_email)
    $$;
    create function auth_find_session(p_token_hash bytea) returns table (org_id uuid, session_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select s.org_id, s.id from sessions s where s.token_hash = p_token_hash
    $$;
    create function auth_find_invite(p_token_hash bytea) returns table (org_id uuid, invite_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select i.org_id, i.id from invites i where i.token_hash = p_token_hash
    $$;
    create function jobs_claim(p_worker text, p_limit int, p_lock_seconds int, p_now timestamptz)
      returns table (id uuid, org_id uuid, kind text, payload jsonb, attempts int, max_attempts int)
      language sql volatile security definer set search_path = public, pg_temp as $$
      update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = p_worker,
             locked_until = p_now + make_interval(secs => p_lock_seconds)
      where j.id in (
        select c.id from jobs c
        where (c.status = 'queued' and c.run_at <= p_now)
           or (c.status = 'running' and c.locked_until < p_now)
        order by c.run_at
        limit p_limit
        for update skip locked
      )
      returning j.id, j.org_id, j.kind, j.payload, j.attempts, j.max_attempts
    $$;
    create function jobs_finish(p_id uuid, p_worker text, p_now timestamptz) returns boolean
      language sql volatile security definer set search_path = public, pg_temp as $$
      update jobs set status = 'done', finished_at = p_now, locked_by = null, locked_until = null
      where id = p_id and locked_by = p_worker and status = 'running'
      returning true
    $$;
    create function jobs_fail(p_id uuid, p_worker text, p_error text, p_retry_at timestamptz, p_now timestamptz)
      returns boolean
      language sql volatile security definer set search_path = public, pg_temp as $$
      update jobs set
        status = case when attempts >= max_attempts then 'failed' else 'queued' end,
        run_at = p_retry_at, last_error = left(p_error, 500), locked_by = null, locked_until = null,
        finished_at = case when attempts >= max_attempts then p_now else null end
      where id = p_id and locked_by = p_worker and status = 'running'
      returning true
    $$;
    create function jobs_enqueue_system(p_id uuid, p_kind text, p_payload jsonb, p_dedupe text, p_run_at timestamptz,
      p_now timestamptz) returns void
      language sql volatile security definer set search_path = public, pg_temp as $$
      insert into jobs (id, org_id, kind, payload, dedupe_key, run_at, created_at)
      values (p_id, null, p_kind, p_payload, p_dedupe, p_run_at, p_now)
      on conflict (dedupe_key) do nothing
    $$;
    create function sessions_purge(p_now timestamptz) returns int
      language sql volatile security definer set search_path = public, pg_temp as $$
      with d as (delete from sessions where expires_at < p_now - interval '1 day' or revoked_at < p_now - interval '1 day' returning 1)
      select count(*)::int from d
    $$;
  `.execute(db);

  // The runtime role: a group role that owns nothing; the login role of DATABASE_URL is made a member.
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'confidant_runtime') then
        create role confidant_runtime nologin nosuperuser nobypassrls nocreatedb nocreaterole;
      end if;
    end $$;
    grant usage on schema public to confidant_runtime;
    grant select on installation, organisations, org_keys to confidant_runtime;
    grant insert on installation, organisations, org_keys to confidant_runtime;
    grant update (name, default_language, updated_at) on organisations to confidant_runtime;
    grant select, insert, update on users, invites, sessions, audit_heads, jobs to confidant_runtime;
    grant delete on sessions to confidant_runtime;
    grant select, insert on audit_log, access_log to confidant_runtime;
    grant select, insert, update, delete on auth_throttle to confidant_runtime;
    grant execute on function app_org(), auth_find_login(text), auth_find_session(bytea), auth_find_invite(bytea),
      jobs_claim(text, int, int, timestamptz), jobs_finish(uuid, text, timestamptz),
      jobs_fail(uuid, text, text, timestamptz, timestamptz),
      jobs_enqueue_system(uuid, text, jsonb, text, timestamptz, timestamptz), sessions_purge(timestamptz)
      to confidant_runtime;
  `.execute(db);
  await sql`revoke execute on all functions in schema public from public`.execute(db);
  await sql`grant execute on function app_org() to public`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted');
}
