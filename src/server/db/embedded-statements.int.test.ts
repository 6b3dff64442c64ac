import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/databases.js';
import { inOrg } from './database.js';
import { EMBEDDED_APP_ROLE } from './open.js';

/**
 * The runtime connection to the embedded database goes through node-postgres over PGlite's wire-protocol
 * adapter (`openEmbedded`): named prepared statements as on PostgreSQL, one backend shared by turns.
 */
describe('the embedded database’s runtime connection', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
  });
  afterAll(() => t.destroy());
  const db = () => t.database.db;
  const orgA = '00000000-0000-4000-8000-00000000000a';

  it('runs as the unprivileged role, with numbers and dates as the app reads them on PostgreSQL', async () => {
    const { rows } = await sql<{ role: string; n: unknown; d: unknown; at: unknown; b: unknown }>`
      select current_user as role, count(*) as n, date '2026-03-02' as d, now() as at, '\\x0102'::bytea as b
      from users`.execute(db());
    expect(rows[0]).toMatchObject({ role: EMBEDDED_APP_ROLE, n: 0, d: '2026-03-02' });
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(Buffer.from(rows[0]!.b as Uint8Array)).toEqual(Buffer.from([1, 2]));
  });

  it('runs a statement it has seen a few times as a named prepared statement, with the same answers', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { rows } = await sql<{ v: string }>`select ${`value ${i}`}::text || ' here' as v`.execute(db());
      answers.push(rows[0]!.v);
    }
    expect(answers).toEqual(['value 0 here', 'value 1 here', 'value 2 here', 'value 3 here']);
    const { rows } = await sql<{ name: string; statement: string }>`
      select name, statement from pg_prepared_statements`.execute(db());
    expect(rows).toContainEqual({
      name: expect.stringMatching(/^confidant_\d+$/),
      statement: "select $1::text || ' here' as v",
    });
  });

  it('keeps transactions apart: a second one waits for the first instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = inOrg(db(), orgA, async (trx) => {
      await held;
      return (await sql<{ org: string }>`select current_setting('app.org_id', true) as org`.execute(trx))
        .rows[0]!.org;
    });
    const second = db()
      .transaction()
      .execute(async (trx) => {
        return (
          await sql<{ org: string | null }>`select current_setting('app.org_id', true) as org`.execute(trx)
        ).rows[0]!.org;
      });
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await first).toBe(orgA);
    expect(await second).not.toBe(orgA);
  });

  it('goes on after a failed statement, in and outside a transaction, named statements included', async () => {
    await expect(sql`select * from no_such_table where id = ${1}`.execute(db())).rejects.toThrow(
      /no_such_table/,
    );
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`select ${1}::int / 0`.execute(trx);
        }),
    ).rejects.toThrow(/division by zero/);
    for (let i = 0; i < 4; i += 1) {
      const { rows } = await sql<{ n: number }>`select ${i}::int + 1 as n`.execute(db());
      expect(rows[0]!.n).toBe(i + 1);
    }
  });
});
