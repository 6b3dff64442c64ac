import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { inOrg, type DB } from './database.js';
import { openDatabase } from './open.js';
import { createTestDatabase, insertOrganisation, testKinds, type TestDatabase } from '../test/databases.js';

/**
 * The app's PostgreSQL pool: its size comes from DATABASE_POOL_SIZE, and it sends repeated parameterised texts as named prepared statements (prepared.ts).
 * PGlite runs in-process and has no round trips to save, so the case exists only on PostgreSQL.
 */
const kinds = (await testKinds()).filter((k) => k === 'postgres');

describe.each(kinds)('the connection pool on %s', (kind) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(kind);
  });
  afterAll(() => tdb.destroy());

  it('prepares a repeated text once per connection and answers each run with its own values', async () => {
    const text = 'prepared-test-square';
    const prepared = await tdb.database.db.transaction().execute(async (trx) => {
      const answers: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const { rows } = await sql<{
          n: number;
        }>`select ${i}::int * ${i}::int as n, ${text}::text as tag`.execute(trx);
        answers.push(rows[0]!.n);
      }
      expect(answers).toEqual([1, 4, 9, 16, 25]);
      const { rows } = await sql<{ name: string }>`
        select name from pg_prepared_statements where statement like '%::int * %'`.execute(trx);
      return rows.map((r) => r.name);
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toMatch(/^confidant_\d+$/);
  });

  it('keeps a failed run from spoiling the statement or the connection', async () => {
    const divide = (d: number) =>
      tdb.database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ q: number }>`select 12 / ${d}::int as q`.execute(trx);
        return rows[0]!.q;
      });
    for (let i = 0; i < 4; i++) expect(await divide(3)).toBe(4);
    await expect(divide(0)).rejects.toThrow(/division by zero/);
    expect(await divide(4)).toBe(3);
  });

  it('still keeps row-level security: a prepared statement sees only the organisation set for it', async () => {
    const orgId = await tdb.asOwner((db) => insertOrganisation(db, 'Hulplijn P', 'p@p.example'));
    const count = (db: Kysely<DB>) =>
      sql<{ n: number }>`select count(*)::int as n from users where email <> ${'x'}`
        .execute(db)
        .then((r) => r.rows[0]!.n);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(await count(tdb.database.db)); // no organisation set: nothing (fail closed)
      seen.push(await inOrg(tdb.database.db, orgId, count));
      seen.push(await inOrg(tdb.database.db, crypto.randomUUID(), count));
    }
    expect(seen).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
  });

  it('holds no more connections than DATABASE_POOL_SIZE, however many transactions wait', async () => {
    const database = await openDatabase(
      { ...tdb.openConfig, databasePoolSize: 2 },
      pino({ level: 'silent' }),
    );
    try {
      const pids = await Promise.all(
        Array.from({ length: 6 }, () =>
          database.db.transaction().execute(async (trx) => {
            const { rows } = await sql<{
              pid: number;
            }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(trx);
            return rows[0]!.pid;
          }),
        ),
      );
      expect(new Set(pids).size).toBe(2);
    } finally {
      await database.close();
    }
  });
});
