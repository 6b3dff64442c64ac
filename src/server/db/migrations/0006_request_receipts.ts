import { sql, type Kysely } from 'kysely';

/** Receipts of client request ids: a retried create returns what the first one created. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table request_receipts (
      org_id uuid not null references organisations(id),
      request_id uuid not null,
      entity text not null,
      entity_id uuid not null,
      created_at timestamptz not null,
      primary key (org_id, request_id)
    );
    alter table request_receipts enable row level security;
    create policy tenant_isolation on request_receipts using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert on request_receipts to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
