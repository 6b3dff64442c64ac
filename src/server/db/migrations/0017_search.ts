import { sql, type Kysely } from 'kysely';

/**
 * Search (issue 9). Callers' aliases are sealed, so they are found through a keyed blind index: an HMAC,
 * under a key derived from the organisation's data key, of the normalised alias (as the phone number is).
 * A migration cannot reach the keys, so existing callers start without one; start-up computes the missing
 * entries per organisation (modules/search/alias-backfill.ts) before the app serves anything. The function
 * below tells it which organisations still have some, by id only, before any organisation is set.
 * Case references are searched by prefix: an index on their lower-case form serves `like 'prefix%'`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table callers add column alias_hmac bytea;
    create index callers_alias_idx on callers (org_id, alias_hmac);
    create index cases_reference_prefix_idx on cases (org_id, lower(reference) text_pattern_ops);

    create function callers_alias_unindexed_orgs() returns setof uuid
      language sql stable security definer set search_path = public, pg_temp as $$
      select distinct org_id from callers where alias_hmac is null
    $$;
    revoke execute on function callers_alias_unindexed_orgs() from public;
    grant execute on function callers_alias_unindexed_orgs() to confidant_runtime;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted');
}
