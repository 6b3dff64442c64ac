import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrate.js';
import { PGliteDialect } from '../../db/pglite-dialect.js';
import { PG_ADMIN_URL, testKinds, type DbKind } from '../../test/databases.js';

const kinds = await testKinds();
const SEALING = '0012_seal_personal_data';
const names = Object.keys(MIGRATIONS).sort();

/** An owner connection to an empty database of the kind, and how to drop it. */
async function emptyDatabase(kind: DbKind): Promise<{ db: Kysely<unknown>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const pglite = await PGlite.create();
    const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
    return { db, drop: async () => (await db.destroy(), await pglite.close()) };
  }
  const name = `confidant_m_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  // Dropping the database ends its connections; one still closing must not become an uncaught error.
  pool.on('error', () => undefined);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    async drop() {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
}

describe.each(kinds)('migration 0012 on a database of an earlier version, on %s', (kind) => {
  let d: Awaited<ReturnType<typeof emptyDatabase>>;
  const org = randomUUID();
  const user = randomUUID();
  const ids = { log: randomUUID(), emptyLog: randomUUID(), grant: randomUUID(), absence: randomUUID() };
  const more = {
    emptyAbsence: randomUUID(),
    partner: randomUUID(),
    caseId: randomUUID(),
    caller: randomUUID(),
  };
  let background: { a: string; b: string };

  beforeAll(async () => {
    d = await emptyDatabase(kind);
    const { db } = d;
    const now = new Date('2026-01-05T10:00:00Z');
    await migrateTo(db, names[names.indexOf(SEALING) - 1]!);
    await sql`insert into organisations (id, name, created_at, updated_at) values (${org}, 'Hulplijn Oud', ${now}, ${now})`.execute(
      db,
    );
    await sql`insert into users (id, org_id, email, display_name, role, status, created_at, updated_at)
      values (${user}, ${org}, 'v@oud.example', 'V', 'counsellor', 'active', ${now}, ${now})`.execute(db);
    const term = async (kind: string, code: string) => {
      const id = randomUUID();
      await sql`insert into taxonomy_terms (id, org_id, kind, code, labels, created_at, updated_at)
        values (${id}, ${org}, ${kind}, ${code}, '{}'::jsonb, ${now}, ${now})`.execute(db);
      return id;
    };
    background = {
      a: await term('background', 'moroccan_dutch'),
      b: await term('background', 'turkish_dutch'),
    };
    const category = await term('category', 'C1');
    await sql`insert into callers (id, org_id, alias_enc, language, created_at)
      values (${more.caller}, ${org}, ${Buffer.from('x')}, 'ary', ${now})`.execute(db);
    await sql`insert into cases (id, org_id, reference, state, category_id, caller_id, summary_enc, opened_at,
        last_activity_at, updated_at, pref_background_id)
      values (${more.caseId}, ${org}, '2026-0001', 'intake', ${category}, ${more.caller}, ${Buffer.from('x')},
        ${now}, ${now}, ${now}, ${background.a})`.execute(db);
    await sql`insert into case_log (id, org_id, case_id, request_id, occurred_at, channel, duration_minutes,
        with_whom, note_enc, author_id, created_at)
      values (${ids.log}, ${org}, ${more.caseId}, ${randomUUID()}, ${now}, 'phone', 5, 'Oom Karim', ${Buffer.from('x')}, ${user}, ${now}),
        (${ids.emptyLog}, ${org}, ${more.caseId}, ${randomUUID()}, ${now}, 'phone', 5, '', ${Buffer.from('x')}, ${user}, ${now})`.execute(
      db,
    );
    await sql`insert into case_access_grants (id, org_id, case_id, user_id, reason, expires_at, created_at)
      values (${ids.grant}, ${org}, ${more.caseId}, ${user}, 'Supervisie', ${now}, ${now})`.execute(db);
    await sql`insert into counsellor_profiles (user_id, org_id, background_ids, updated_at)
      values (${user}, ${org}, ${`{${background.a}}`}::text[], ${now})`.execute(db);
    await sql`insert into counsellor_backgrounds (org_id, user_id, term_id)
      values (${org}, ${user}, ${background.a}), (${org}, ${user}, ${background.b})`.execute(db);
    await sql`insert into counsellor_absences (id, org_id, user_id, from_date, to_date, note)
      values (${ids.absence}, ${org}, ${user}, '2026-01-06', '2026-01-09', 'Ziekenhuis'),
        (${more.emptyAbsence}, ${org}, ${user}, '2026-02-06', '2026-02-09', '')`.execute(db);
    await sql`insert into partners (id, org_id, name, type, contact_person, notes, created_at, updated_at)
      values (${more.partner}, ${org}, 'Wijkteam', 'social_district_team', 'Petra de Vries', '', ${now}, ${now})`.execute(
      db,
    );
    await migrateTo(db, SEALING);
  });
  afterAll(() => d.drop());

  it('moves every non-empty clear value to the backlog, merging both background lists', async () => {
    const { rows } = await sql<{ t: string; c: string; row_id: string; value: string; org_id: string }>`
      select table_name as t, column_name as c, row_id, value, org_id from sealing_backlog order by 1, 2`.execute(
      d.db,
    );
    expect(rows.every((r) => r.org_id === org)).toBe(true);
    const got = rows.map((r) => [
      `${r.t}.${r.c}`,
      r.row_id,
      r.c === 'background_ids' ? (JSON.parse(r.value) as unknown) : r.value,
    ]);
    expect(got).toEqual([
      ['case_access_grants.reason', ids.grant, 'Supervisie'],
      ['case_log.with_whom', ids.log, 'Oom Karim'],
      ['cases.pref_background', more.caseId, background.a],
      ['counsellor_absences.note', ids.absence, 'Ziekenhuis'],
      ['counsellor_profiles.background_ids', user, [background.a, background.b].sort()],
      ['partners.contact_person', more.partner, 'Petra de Vries'],
    ]);
  });

  it('leaves no clear column behind', async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = 'public' and (table_name, column_name) in (('case_log', 'with_whom'),
        ('case_access_grants', 'reason'), ('counsellor_absences', 'note'), ('cases', 'pref_background_id'),
        ('counsellor_profiles', 'background_ids'), ('partners', 'contact_person'), ('partners', 'notes'))`.execute(
      d.db,
    );
    expect(rows).toEqual([]);
    const { rows: tables } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name = 'counsellor_backgrounds'`.execute(
      d.db,
    );
    expect(tables[0]!.n).toBe(0);
  });
});
