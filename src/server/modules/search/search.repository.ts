import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { visibleCases } from '../cases/case-list.repository.js';

/** What a term can match; each part is optional, and only keyed hashes stand for aliases and phones. */
export interface SearchMatch {
  /** Lower case; matched against the beginning of the reference. */
  referencePrefix: string;
  aliasHmac?: Buffer;
  phoneHmac?: Buffer;
}

/** `like` pattern for "starts with": the term's own %, _ and \ are matched literally. */
function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Cases the actor may see (the case list's scope) whose reference starts with the term, or whose caller's
 * alias or phone has the given keyed hash. An exact reference comes first, then the most recently active.
 */
export async function searchCases(
  db: Db,
  scope: { orgId: string; counsellorId?: string },
  match: SearchMatch,
  limit: number,
) {
  const pattern = startsWith(match.referencePrefix);
  return visibleCases(db, scope)
    .innerJoin('callers as k', 'k.id', 'c.caller_id')
    .select([
      'c.id',
      'c.reference',
      'c.state',
      'c.urgent',
      'c.category_id',
      'c.caller_id',
      'k.alias_enc',
      sql<'reference' | 'alias' | 'phone'>`case
        when lower(c.reference) like ${pattern} then 'reference'
        when k.alias_hmac = ${match.aliasHmac ?? null} then 'alias'
        else 'phone' end`.as('matched_by'),
    ])
    .where((eb) =>
      eb.or([
        eb(sql`lower(c.reference)`, 'like', pattern),
        ...(match.aliasHmac ? [eb('k.alias_hmac', '=', match.aliasHmac)] : []),
        ...(match.phoneHmac ? [eb('k.phone_hmac', '=', match.phoneHmac)] : []),
      ]),
    )
    .orderBy(sql`lower(c.reference) = ${match.referencePrefix}`, 'desc')
    .orderBy('c.last_activity_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

/** Organisations with callers whose alias has no index yet, through a security-definer look-up (ids only). */
export async function unindexedAliasOrgIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select callers_alias_unindexed_orgs() as id`.execute(db);
  return rows.map((r) => r.id);
}

/** One organisation at a time, so two instances starting together do not index the same rows twice. */
export async function lockAliasBackfill(db: Db, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`alias_backfill:${orgId}`}))`.execute(db);
}

export async function callersWithoutAliasIndex(db: Db, limit: number) {
  return db
    .selectFrom('callers')
    .select(['id', 'alias_enc'])
    .where('alias_hmac', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function setAliasIndex(db: Db, callerId: string, hmac: Buffer): Promise<void> {
  await db
    .updateTable('callers')
    .set({ alias_hmac: hmac })
    .where('id', '=', callerId)
    .where('alias_hmac', 'is', null)
    .execute();
}
