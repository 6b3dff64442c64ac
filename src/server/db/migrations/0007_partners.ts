import { sql, type Kysely } from 'kysely';

/** The partner directory: organisations the helpline may refer families to (with consent, in a later module). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table partners (
      id uuid primary key,
      org_id uuid not null references organisations(id),
      name text not null,
      type text not null,
      municipality text not null default '',
      languages text[] not null default '{}',
      secure_contact text not null default '',
      contact_person text not null default '',
      notes text not null default '',
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index partners_org_idx on partners (org_id, type, name);
    alter table partners enable row level security;
    create policy tenant_isolation on partners using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert, update on partners to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
