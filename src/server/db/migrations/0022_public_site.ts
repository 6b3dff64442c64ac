import { sql, type Kysely } from 'kysely';
import { seedPublicPages } from '../../modules/public-site/public-site.seed.js';

/**
 * Issue 11, public site: versioned page content per language (a new row per save, the one visitors see marked live),
 * and callback requests sent from the public form, sealed like an intake with the phone number indexed by
 * the same keyed HMAC. The public site needs its organisation before any is set: `public_site_org` returns
 * an id only, by id or name, or the first organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table public_page_versions (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      page text not null,
      language text not null,
      version integer not null,
      title text not null,
      body text not null,
      author_id uuid references users(id),
      created_at timestamptz not null,
      published_at timestamptz,
      published_by uuid references users(id),
      live boolean not null default false,
      unique (org_id, page, language, version)
    );
    -- The version visitors see: at most one per page and language.
    create unique index public_page_versions_live_idx
      on public_page_versions (org_id, page, language) where live;
    alter table public_page_versions enable row level security;
    create policy tenant_isolation on public_page_versions
      using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert on public_page_versions to confidant_runtime;
    grant update (published_at, published_by, live) on public_page_versions to confidant_runtime;

    create table callback_requests (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      language text not null,
      alias_enc bytea not null,
      phone_enc bytea not null,
      phone_hmac bytea not null,
      safe_times_enc bytea not null,
      may_leave_message boolean not null,
      question_enc bytea,
      status text not null default 'open' check (status in ('open', 'done', 'closed')),
      close_reason text,
      contact_id uuid references contacts(id),
      handled_by uuid references users(id),
      handled_at timestamptz,
      created_at timestamptz not null
    );
    create index callback_requests_queue_idx on callback_requests (org_id, status, created_at);
    create index callback_requests_phone_idx on callback_requests (org_id, phone_hmac);
    alter table callback_requests enable row level security;
    create policy tenant_isolation on callback_requests
      using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert on callback_requests to confidant_runtime;
    grant update (status, close_reason, contact_id, handled_by, handled_at) on callback_requests
      to confidant_runtime;

    create function public_site_org(p_ref text) returns uuid
      language sql stable security definer set search_path = public, pg_temp as $$
      select o.id from organisations o
       where p_ref is null or p_ref = '' or o.id::text = p_ref or lower(o.name) = lower(p_ref)
       order by (o.id::text = coalesce(p_ref, '')) desc, o.created_at, o.id
       limit 1
    $$;
    revoke execute on function public_site_org(text) from public;
    grant execute on function public_site_org(text) to confidant_runtime;
  `.execute(db);
  const { rows } = await sql<{ id: string }>`select id from organisations`.execute(db);
  for (const org of rows) await seedPublicPages(db, org.id, new Date());
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
