import { sql } from 'kysely';
import type { AccessExportQuery, AuditExportQuery } from '../../../shared/audit.schema.js';
import type { Db } from '../../db/database.js';
import { GENESIS_HASH } from './audit.canonical.js';

/**
 * Locks the organisation's chain head for the rest of the transaction. A chain without a head gets an empty
 * one first (sequence 0 at the genesis hash, which verifies as an empty chain). Requests never call this: the
 * linker takes the head (`claimHead`), and bulk seeding (bench/seed) appends chained entries behind it.
 */
export async function lockHead(db: Db, orgId: string) {
  const lock = () =>
    db
      .selectFrom('audit_heads')
      .select(['seq', 'hash', 'unkeyed_until'])
      .where('org_id', '=', orgId)
      .forUpdate()
      .executeTakeFirst();
  const head = await lock();
  if (head) return head;
  await db
    .insertInto('audit_heads')
    .values({ org_id: orgId, seq: 0, hash: GENESIS_HASH, unkeyed_until: 0 })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute();
  return lock();
}

export interface EntryRow {
  org_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: Record<string, unknown>;
  prev_hash: Buffer;
  hash: Buffer;
}

/**
 * Appends entries already chained and moves the head to the last one, in one statement: bulk seeding only
 * (bench/seed), with the head locked. `isNewHead` creates the head of a chain that has none yet;
 * `unkeyedUntil` is only written then.
 */
export async function appendEntries(
  db: Db,
  orgId: string,
  rows: EntryRow[],
  head: { isNew: boolean; unkeyedUntil: number },
): Promise<void> {
  const last = rows.at(-1)!;
  const values = rows.map((r) => ({ ...r, details: JSON.stringify(r.details) }));
  const withEntries = db.with('e', (q) => q.insertInto('audit_log').values(values));
  if (head.isNew) {
    await withEntries
      .insertInto('audit_heads')
      .values({ org_id: orgId, seq: last.seq, hash: last.hash, unkeyed_until: head.unkeyedUntil })
      .execute();
  } else {
    await withEntries
      .updateTable('audit_heads')
      .set({ seq: last.seq, hash: last.hash })
      .where('org_id', '=', orgId)
      .execute();
  }
}

/** An audit entry as a request writes it: unchained, with its own MAC. */
export interface NewEntryRow {
  org_id: string;
  entry: string;
  at: Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changed_fields: string[];
  details: Record<string, unknown>;
  mac: Buffer;
}

/** Inserts unchained entries, in one statement; no head is read or locked. */
export async function insertEntries(db: Db, rows: NewEntryRow[]): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(rows.map((r) => ({ ...r, details: JSON.stringify(r.details) })))
    .execute();
}

/** Inserts one unchained entry and answers its id (the linker's switch-over marker). */
export async function insertEntryReturningId(db: Db, row: NewEntryRow): Promise<number> {
  const { id } = await db
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** An access-log row as a request writes it: unchained, with its own MAC. */
export interface NewAccessRow {
  org_id: string;
  entry: string;
  at: Date;
  actor_id: string;
  entity: string;
  entity_id: string;
  purpose: string;
  outcome: 'read' | 'denied';
  reason_enc: Buffer | null;
  mac: Buffer;
}

/** Inserts unchained access rows, in one statement; no head is read or locked. */
export async function insertAccess(db: Db, rows: NewAccessRow[]): Promise<void> {
  await db.insertInto('access_log').values(rows).execute();
}

type Chain = 'audit' | 'access';
const HEADS = { audit: 'audit_heads', access: 'access_heads' } as const;

/**
 * Takes the organisation's head of one chain for the rest of the transaction, creating an empty one if it has
 * none. With `skipLocked`, answers undefined at once when another transaction holds it (another instance's
 * linker is at work on that chain) instead of waiting.
 */
export async function claimHead(
  db: Db,
  orgId: string,
  chain: Chain,
  opts: { skipLocked: boolean },
): Promise<{ seq: number; hash: Uint8Array; unkeyedUntil: number } | undefined> {
  const { rows } = await sql<{ seq: string | number; hash: Uint8Array; unkeyed_until: string | number }>`
    select seq, hash, ${chain === 'audit' ? sql.ref('unkeyed_until') : sql.lit(0)} as unkeyed_until
    from ${sql.table(HEADS[chain])} where org_id = ${orgId}
    for update ${opts.skipLocked ? sql`skip locked` : sql``}`.execute(db);
  const head = rows[0];
  if (head) return { seq: Number(head.seq), hash: head.hash, unkeyedUntil: Number(head.unkeyed_until) };
  // No row: none yet, or (skipping) held by another linker. An insert of our own is then ours, locked.
  const inserted = await sql`
    insert into ${sql.table(HEADS[chain])} (org_id, seq, hash) values (${orgId}, 0, ${GENESIS_HASH})
    on conflict (org_id) do nothing returning org_id`.execute(db);
  if (inserted.rows.length === 1) return { seq: 0, hash: GENESIS_HASH, unkeyedUntil: 0 };
  return opts.skipLocked ? undefined : claimHead(db, orgId, chain, opts);
}

/** The organisation's audit entries waiting for the linker (those with a MAC), oldest id first. */
export async function unlinkedEntries(db: Db, orgId: string, limit: number, afterId = 0) {
  return db
    .selectFrom('audit_log')
    .select([
      'id',
      'org_id',
      'entry',
      'mac',
      'at',
      'actor_id',
      'action',
      'entity',
      'entity_id',
      'changed_fields',
      'details',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is', null)
    .where('mac', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Every audit entry without a place in the chain, in id order, for verification: those waiting for the
 * linker and any without a MAC (which the linker never links, and which no writer makes).
 */
export async function unchainedEntries(db: Db, orgId: string, afterId: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .select([
      'id',
      'org_id',
      'entry',
      'mac',
      'at',
      'actor_id',
      'action',
      'entity',
      'entity_id',
      'changed_fields',
      'details',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The organisation's access rows waiting for the linker, oldest id first (rows from before 0011 never). */
export async function unlinkedAccess(db: Db, orgId: string, limit: number, afterId = 0) {
  return db
    .selectFrom('access_log')
    .select([
      'id',
      'org_id',
      'entry',
      'mac',
      'at',
      'actor_id',
      'entity',
      'entity_id',
      'purpose',
      'outcome',
      'reason_enc',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is', null)
    .where('mac', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export interface Link {
  id: number;
  seq: number;
  prevHash: Buffer;
  hash: Buffer;
}

/**
 * Gives waiting entries their place in the chain and moves the head to the last, in one statement; the rows
 * travel as one JSON parameter, so a batch of thousands is still one round trip. Throws (so the transaction
 * rolls back, head and all) unless every row was still waiting; the caller holds the head.
 */
export async function linkRows(db: Db, orgId: string, chain: Chain, links: Link[]): Promise<void> {
  const last = links.at(-1)!;
  const json = JSON.stringify(
    links.map((l) => ({ id: l.id, seq: l.seq, p: l.prevHash.toString('hex'), h: l.hash.toString('hex') })),
  );
  const table = sql.table(chain === 'audit' ? 'audit_log' : 'access_log');
  const { rows } = await sql<{ linked: string | number; moved: string | number }>`
    with v as (
      select * from jsonb_to_recordset(${json}::jsonb) as v(id bigint, seq bigint, p text, h text)
    ), u as (
      update ${table} t set seq = v.seq, prev_hash = decode(v.p, 'hex'), hash = decode(v.h, 'hex')
      from v where t.org_id = ${orgId} and t.id = v.id and t.seq is null
      returning t.id
    ), moved as (
      update ${sql.table(HEADS[chain])} set seq = ${last.seq}, hash = ${last.hash}
      where org_id = ${orgId} and (select count(*) from u) = ${links.length}
      returning 1
    )
    select (select count(*) from u) as linked, (select count(*) from moved) as moved`.execute(db);
  const linked = Number(rows[0]?.linked ?? 0);
  if (linked !== links.length || Number(rows[0]?.moved ?? 0) !== 1) {
    throw new Error(
      `linker: ${links.length - linked} of ${links.length} ${chain} rows were no longer waiting, or the head did not move`,
    );
  }
}

/** The organisations with entries waiting in either log, through a narrow definer function (no organisation set). */
export async function listUnlinkedOrgs(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from audit_unlinked_orgs()`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * One entry id that two rows of a log share, if any: a copied row (a replay of a genuine, MAC-valid entry)
 * shows only here, since its MAC is valid and the linker would give it a place of its own.
 */
export async function findDuplicateEntry(db: Db, table: 'audit_log' | 'access_log', orgId: string) {
  const { rows } = await sql<{ id: string | number; seq: string | number | null }>`
    select min(id) as id, max(seq) as seq from ${sql.table(table)}
    where org_id = ${orgId} and entry is not null
    group by entry having count(*) > 1 order by min(id) limit 1`.execute(db);
  const row = rows[0];
  return row ? { id: Number(row.id), seq: row.seq === null ? null : Number(row.seq) } : undefined;
}

function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function dayEnd(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);
}

type Paged<Q> = Q & { before?: number | undefined; limit: number };

/**
 * One page of the audit log, newest first, keyset-paginated on id — entries still waiting for the linker
 * included, so an entry shows as soon as its write commits; with the case each entry is about (the case
 * itself, or the parent named in its details) so that the log shows references, not ids.
 */
export async function listEntries(db: Db, orgId: string, q: Paged<AuditExportQuery>) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('cases as c', (join) =>
      join
        .onRef('c.org_id', '=', 'a.org_id')
        .on(
          sql<boolean>`c.id::text = case when a.entity = 'case' then a.entity_id else a.details->>'caseId' end`,
        ),
    )
    .select([
      'a.id',
      'a.seq',
      'a.at',
      'a.actor_id',
      'u.display_name as actor_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.changed_fields',
      'c.id as case_id',
      'c.reference as case_reference',
    ])
    .where('a.org_id', '=', orgId);
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.caseReference) query = query.where('c.reference', '=', q.caseReference);
  if (q.from) query = query.where('a.at', '>=', dayStart(q.from));
  if (q.to) query = query.where('a.at', '<', dayEnd(q.to));
  if (q.before) query = query.where('a.id', '<', q.before);
  return query
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Streams the chain in order, in batches, for verification, up to the head read before the walk. */
export async function chainBatch(db: Db, orgId: string, afterSeq: number, limit: number, upTo: number) {
  return db
    .selectFrom('audit_log')
    .select([
      'id',
      'entry',
      'mac',
      'org_id',
      'seq',
      'at',
      'actor_id',
      'action',
      'entity',
      'entity_id',
      'changed_fields',
      'details',
      'prev_hash',
      'hash',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The highest sequence number present in a chain (an entry slipped in behind the head shows here). */
export async function maxSeq(db: Db, table: 'audit_log' | 'access_log', orgId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('seq').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** How many linked entries the chain holds at places 1..seq (an index-only count on the place index). */
export async function countLinkedUpTo(
  db: Db,
  table: 'audit_log' | 'access_log',
  orgId: string,
  seq: number,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .where('seq', '<=', seq)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The stored hash of the linked entry at one place, if there is one. */
export async function hashAt(db: Db, table: 'audit_log' | 'access_log', orgId: string, seq: number) {
  const row = await db
    .selectFrom(table)
    .select('hash')
    .where('org_id', '=', orgId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash ?? undefined;
}

export async function findHead(db: Db, orgId: string) {
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash', 'unkeyed_until'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** The chained access rows in order, in batches, for verification. */
export async function accessChainBatch(db: Db, orgId: string, afterSeq: number, limit: number, upTo: number) {
  return db
    .selectFrom('access_log')
    .select([
      'id',
      'entry',
      'mac',
      'org_id',
      'seq',
      'at',
      'actor_id',
      'entity',
      'entity_id',
      'purpose',
      'outcome',
      'reason_enc',
      'prev_hash',
      'hash',
    ])
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function findAccessHead(db: Db, orgId: string) {
  return db.selectFrom('access_heads').select(['seq', 'hash']).where('org_id', '=', orgId).executeTakeFirst();
}

/** One page of the access log, newest first, with the case reference of reads of a case. */
export async function listAccess(db: Db, orgId: string, q: Paged<AccessExportQuery>) {
  let query = db
    .selectFrom('access_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .leftJoin('cases as c', (join) =>
      join
        .onRef('c.org_id', '=', 'l.org_id')
        .on(sql<boolean>`l.entity = 'case' and c.id::text = l.entity_id`),
    )
    .select([
      'c.id as case_id',
      'c.reference as case_reference',
      'l.id',
      'l.at',
      'l.actor_id',
      'u.display_name as actor_name',
      'l.entity',
      'l.entity_id',
      'l.purpose',
      'l.outcome',
      'l.seq',
      'l.entry',
      'l.reason',
      'l.reason_enc',
    ])
    .where('l.org_id', '=', orgId);
  if (q.actorId) query = query.where('l.actor_id', '=', q.actorId);
  if (q.entity) query = query.where('l.entity', '=', q.entity);
  if (q.entityId) query = query.where('l.entity_id', '=', q.entityId);
  if (q.caseReference) query = query.where('c.reference', '=', q.caseReference);
  if (q.from) query = query.where('l.at', '>=', dayStart(q.from));
  if (q.to) query = query.where('l.at', '<', dayEnd(q.to));
  if (q.before) query = query.where('l.id', '<', q.before);
  return query
    .orderBy('l.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function listActors(db: Db, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .orderBy('display_name')
    .execute();
}

/** All organisation ids; only meaningful on an owner connection (the CLI), RLS hides the rest otherwise. */
export async function listOrgIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from organisations order by created_at`.execute(db);
  return rows.map((r) => r.id);
}

/** Scopes the rest of the transaction to one organisation (the checkpoint job walks them all in turn). */
export async function scopeToOrg(db: Db, orgId: string): Promise<void> {
  await sql`select set_config('app.org_id', ${orgId}, true)`.execute(db);
}

/** All organisation ids through a narrow definer function, for the checkpoint job (no organisation set). */
export async function listOrgIdsForCheckpoint(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from audit_org_ids()`.execute(db);
  return rows.map((r) => r.id);
}
