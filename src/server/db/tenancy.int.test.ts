import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from './database.js';
import { assertUnprivileged, openDatabase } from './open.js';
import { insertOrganisation, PG_ADMIN_URL, testKinds } from '../test/databases.js';
import { createTestApp, inviteAndActivate, setupOrganisation, type TestApp } from '../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('tenancy on %s', (kind) => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const a = await setupOrganisation(t, 'Hulplijn A', 'admin@a.example');
    await inviteAndActivate(t, a.agent, 'coordinator', 'coord@a.example');
    orgA = (await a.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation.id;
    // A second organisation, created the way set-up does it, but beside the first.
    orgB = await t.asOwner((db) => insertOrganisation(db, 'Hulplijn B', 'admin@b.example'));
  });
  afterAll(() => t.close());

  it('returns no rows when no organisation is set (fail closed)', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from users`.execute(
      t.tdb.database.db,
    );
    expect(rows[0]!.n).toBe(0);
    const orgs = await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(
      t.tdb.database.db,
    );
    expect(orgs.rows[0]!.n).toBe(0);
  });

  it("hides another organisation's rows even from hand-written SQL on the app's connection", async () => {
    const emails = await inOrg(t.tdb.database.db, orgA, async (trx) => {
      const { rows } = await sql<{ email: string }>`select email from users order by email`.execute(trx);
      return rows.map((r) => r.email);
    });
    expect(emails).toEqual(['admin@a.example', 'coord@a.example']);
    const leaked = await inOrg(t.tdb.database.db, orgA, async (trx) => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from users where org_id = ${orgB}`.execute(trx);
      return rows[0]!.n;
    });
    expect(leaked).toBe(0);
  });

  it('refuses to write a row into another organisation', async () => {
    const attempt = inOrg(t.tdb.database.db, orgA, (trx) =>
      trx
        .insertInto('users')
        .values({
          id: crypto.randomUUID(),
          org_id: orgB,
          email: 'intruder@b.example',
          display_name: 'x',
          role: 'admin',
          status: 'active',
          language: 'nl',
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute(),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it("cannot change or delete audit entries, even its own organisation's", async () => {
    const update = inOrg(t.tdb.database.db, orgA, (trx) =>
      sql`update audit_log set action = 'x'`.execute(trx),
    );
    await expect(update).rejects.toThrow(/permission denied|append-only/);
    const del = inOrg(t.tdb.database.db, orgA, (trx) => sql`delete from audit_log`.execute(trx));
    await expect(del).rejects.toThrow(/permission denied|append-only/);
  });

  it('runs as a role that is not superuser, not BYPASSRLS and owns no table', async () => {
    await expect(assertUnprivileged(t.tdb.database.db)).resolves.toBeUndefined();
  });

  it('refuses to start as a privileged role', async () => {
    if (kind === 'postgres') {
      const cfg = {
        dataDir: t.tdb.openConfig.dataDir,
        databaseUrl: t.tdb.openConfig.databaseOwnerUrl,
        databaseOwnerUrl: undefined,
      };
      await expect(openDatabase(cfg, pino({ level: 'silent' }))).rejects.toThrow(
        /Refusing to start.*superuser/s,
      );
      expect(PG_ADMIN_URL).toBeTruthy();
    } else {
      const check = t.asOwner((db) => assertUnprivileged(db));
      await expect(check).rejects.toThrow(/Refusing to start.*superuser/s);
    }
  });

  // PGlite's roles are created by Confidant itself: there is no other role to refuse, so the case exists on
  // PostgreSQL only (registered, not skipped: under CI nothing is skipped).
  if (kind === 'postgres')
    it('refuses a role that only inherits the rights to see past row-level security', async () => {
      const ownerUrl = t.tdb.openConfig.databaseOwnerUrl!;
      await t.asOwner(async (db) => {
        await sql`do $$ begin if not exists (select 1 from pg_roles where rolname = 'confidant_test_heir') then
        create role confidant_test_heir login; end if; end $$`.execute(db);
        await sql`grant postgres to confidant_test_heir`.execute(db);
      });
      const url = new URL(ownerUrl);
      url.username = 'confidant_test_heir';
      const cfg = {
        dataDir: t.tdb.openConfig.dataDir,
        databaseUrl: url.toString(),
        databaseOwnerUrl: ownerUrl,
      };
      await expect(openDatabase(cfg, pino({ level: 'silent' }))).rejects.toThrow(/inherits/);
    });
});
