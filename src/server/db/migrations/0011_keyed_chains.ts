import { sql, type Kysely } from 'kysely';

/**
 * Keyed audit chain and a chained, sealed access log.
 *
 * - `audit_heads.unkeyed_until`: the last entry hashed the old way (plain SHA-256). Existing chains are not
 *   rewritten (an append-only log that the app rewrites is what we want to detect); verification checks the
 *   old part the old way and everything after it with the organisation's chain key. The first keyed entry of
 *   a migrated chain is an `audit.chain_keyed` event naming this switch-over point, so moving the point is
 *   itself detected. New organisations start keyed (0).
 * - `access_heads` and `access_log.seq/prev_hash/hash`: the access log becomes a keyed chain per
 *   organisation. Rows written before this migration keep `seq` null and stay outside the chain.
 * - `access_log.outcome`: `read`, or `denied` for a refused attempt (NEN 7513 asks for both).
 * - `access_log.reason_enc`: the free-text reason, sealed; `reason` stays only for rows written before.
 * - `audit_org_ids()`: the organisation ids, for the daily checkpoint job that runs without an organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_heads add column unkeyed_until bigint not null default 0;
    update audit_heads set unkeyed_until = seq;

    create table access_heads (
      org_id uuid primary key references organisations(id),
      seq bigint not null,
      hash bytea not null
    );
    alter table access_heads enable row level security;
    create policy tenant_isolation on access_heads using (org_id = app_org()) with check (org_id = app_org());
    grant select, insert, update on access_heads to confidant_runtime;

    alter table access_log add column seq bigint;
    alter table access_log add column prev_hash bytea;
    alter table access_log add column hash bytea;
    alter table access_log add column outcome text not null default 'read'
      check (outcome in ('read', 'denied'));
    alter table access_log add column reason_enc bytea;
    create unique index access_log_seq_idx on access_log (org_id, seq) where seq is not null;

    create function audit_org_ids() returns table (id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
      select o.id from organisations o order by o.created_at
    $$;
    revoke execute on function audit_org_ids() from public;
    grant execute on function audit_org_ids() to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
