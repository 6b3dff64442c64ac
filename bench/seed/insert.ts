import { sql, type Transaction } from 'kysely';
import type { DB } from '../../src/server/db/database.js';
import type { Deps } from '../../src/server/lib/deps.js';
import { keyedEntryHash, GENESIS_HASH } from '../../src/server/modules/audit/audit.canonical.js';
import { chainKey } from '../../src/server/modules/audit/audit.keys.js';
import * as auditRepo from '../../src/server/modules/audit/audit.repository.js';
import { toBuffer } from '../../src/server/db/database.js';
import type { Dialect } from './generator.js';

/** Bulk writing for the seed: multi-row inserts within the parameter limit, and audit entries chained in bulk. */

/** Column budget of one INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** PostgreSQL types of a table's columns, as `format_type` names them. */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Transaction<DB>, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const { rows } = await sql<{ name: string; type: string }>`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
      where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(db);
    types = new Map(rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/** A PostgreSQL array literal of text elements (for array columns sent through unnest). */
function arrayLiteral(xs: unknown[]): string {
  const element = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  return `{${xs.map((x) => (x === null ? 'NULL' : `"${element(x).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
}

/**
 * Inserts rows. On PostgreSQL one column array per parameter through unnest(): the statement stays small
 * whatever the number of rows, so it is parsed and planned in no time; embedded PGlite gets multi-row VALUES
 * within the parameter limit. Either way the rows, their constraints, triggers and row-level security are
 * those of the app's own inserts.
 */
export async function insertMany(
  db: Transaction<DB>,
  table: string,
  rows: Record<string, unknown>[],
  dialect: Dialect,
): Promise<void> {
  if (rows.length === 0) return;
  const t0 = performance.now();
  const cols = Object.keys(rows[0]!);
  if (dialect === 'postgres') {
    const types = await typesOf(db, table);
    const per = 20_000;
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const args = cols.map((c) => {
        const type = types.get(c);
        if (!type) throw new Error(`${table}.${c} does not exist`);
        const composite = type.endsWith('[]') || type === 'jsonb' || type === 'json';
        const values = part.map((r) => {
          const x = r[c];
          if (x === null || x === undefined) return null;
          if (type.endsWith('[]')) return arrayLiteral(x as unknown[]);
          if (composite) return typeof x === 'string' ? x : JSON.stringify(x);
          return x instanceof Date ? x.toISOString() : x;
        });
        return {
          param: sql`${values}::${sql.raw(composite ? 'text[]' : `${type}[]`)}`,
          pick: composite ? sql`${sql.ref(`u.${c}`)}::${sql.raw(type)}` : sql.ref(`u.${c}`),
        };
      });
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        select ${sql.join(args.map((a) => a.pick))}
        from unnest(${sql.join(args.map((a) => a.param))}) as u(${sql.join(cols.map((c) => sql.ref(c)))})`.execute(
        db,
      );
    }
  } else {
    const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
    for (let i = 0; i < rows.length; i += per) {
      await db
        .insertInto(table as keyof DB)
        .values(rows.slice(i, i + per))
        .execute();
    }
  }
  timings[table] = (timings[table] ?? 0) + performance.now() - t0;
}

/** Milliseconds spent writing each table (printed by the command line with --profile). */
export const timings: Record<string, number> = {};

/** One entry of the audit chain, waiting for its place in time. */
export interface PendingAudit {
  at: number;
  order: number;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  details: Record<string, string | number | boolean | null>;
}

/**
 * Appends entries to the organisation's chain exactly as `audit()` does — head locked, HMAC with the chain
 * key over the previous hash and the canonical entry, head moved — but many per statement.
 */
export async function appendAudit(
  deps: Deps,
  trx: Transaction<DB>,
  orgId: string,
  entries: PendingAudit[],
  dialect: Dialect,
) {
  if (entries.length === 0) return;
  const head = await auditRepo.lockHead(trx, orgId);
  if (head && head.unkeyed_until > 0 && head.seq === head.unkeyed_until)
    throw new Error('The chain began unkeyed: write one entry through audit() first');
  const key = await chainKey(deps.keyring, trx, orgId, 'audit');
  let prev = head ? toBuffer(head.hash) : GENESIS_HASH;
  let seq = head?.seq ?? 0;
  let isNew = !head;
  const per = dialect === 'postgres' ? 20_000 : 5000;
  for (let i = 0; i < entries.length; i += per) {
    const rows: auditRepo.EntryRow[] = [];
    for (const e of entries.slice(i, i + per)) {
      seq += 1;
      const at = new Date(e.at);
      const fields = {
        orgId,
        seq,
        at,
        actorId: e.actorId,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        changedFields: [...e.changedFields].sort(),
        details: e.details,
      };
      const hash = keyedEntryHash(key, prev, fields);
      rows.push({
        org_id: orgId,
        seq,
        at,
        actor_id: e.actorId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        changed_fields: fields.changedFields,
        details: e.details,
        prev_hash: prev,
        hash,
      });
      prev = hash;
    }
    if (dialect === 'postgres') {
      // The same rows and head as appendEntries writes, with the rows sent as column arrays.
      await insertMany(trx, 'audit_log', rows as unknown as Record<string, unknown>[], dialect);
      const last = rows.at(-1)!;
      if (isNew)
        await trx
          .insertInto('audit_heads')
          .values({ org_id: orgId, seq: last.seq, hash: last.hash, unkeyed_until: 0 })
          .execute();
      else
        await trx
          .updateTable('audit_heads')
          .set({ seq: last.seq, hash: last.hash })
          .where('org_id', '=', orgId)
          .execute();
    } else {
      const t0 = performance.now();
      await auditRepo.appendEntries(trx, orgId, rows, { isNew, unkeyedUntil: 0 });
      timings.audit_log = (timings.audit_log ?? 0) + performance.now() - t0;
    }
    isNew = false;
  }
}
