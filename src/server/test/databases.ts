import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import type { Database, DB } from '../db/database.js';
import { openDatabase } from '../db/open.js';
import { PGliteDialect } from '../db/pglite-dialect.js';
import { seedEmbeddedDatabase, templateKey, TEST_SHARED_BUFFERS } from './pglite-template.js';

export type DbKind = 'pglite' | 'postgres';

/** PostgreSQL for integration tests: TEST_DATABASE_URL, or the machine's local server. */
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_APP_ROLE = 'confidant_test_app';

let pgReachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgReachable;
}

/**
 * The databases every integration test runs on. Under CI both are required: an unreachable PostgreSQL fails
 * the run instead of being skipped.
 */
export async function testKinds(): Promise<DbKind[]> {
  if (await postgresReachable()) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error(`PostgreSQL is required under CI but ${PG_ADMIN_URL} does not answer`);
  console.warn(`PostgreSQL at ${PG_ADMIN_URL} does not answer: running integration tests on PGlite only`);
  return ['pglite'];
}

export interface TestDatabase {
  kind: DbKind;
  database: Database;
  /** Runs `fn` as the owner (bypasses RLS and grants); for tests that tamper with data on purpose. */
  asOwner<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
  /** Options to open the same database again (as the app would at a restart). */
  openConfig: {
    dataDir: string;
    databaseUrl: string | undefined;
    databaseOwnerUrl: string | undefined;
    pgliteSharedBuffers?: string;
  };
  reopen(): Promise<Database>;
  destroy(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/** A fresh, migrated database of the given kind, opened as the unprivileged runtime role. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-test-'));
  if (kind === 'pglite') {
    await seedEmbeddedDatabase(dataDir);
    const openConfig = {
      dataDir,
      databaseUrl: undefined,
      databaseOwnerUrl: undefined,
      pgliteSharedBuffers: TEST_SHARED_BUFFERS,
    };
    const t: TestDatabase = {
      kind,
      database: await openDatabase(openConfig, silent),
      openConfig,
      async asOwner(fn) {
        // One process may hold a PGlite directory once: close the app's handle, work as owner, reopen.
        await t.database.close();
        const owner = await PGlite.create(path.join(dataDir, 'pgdata'));
        const db = new Kysely<DB>({ dialect: new PGliteDialect(owner) });
        try {
          return await fn(db);
        } finally {
          await owner.close();
          t.database = await openDatabase(openConfig, silent);
        }
      },
      async reopen() {
        await t.database.close();
        t.database = await openDatabase(openConfig, silent);
        return t.database;
      },
      async destroy() {
        await t.database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return t;
  }
  const name = `confidant_t_${randomBytes(6).toString('hex')}`;
  const template = await postgresTemplate();
  await withAdmin((admin) => createFromTemplate(admin, name, template));
  const ownerUrl = withDatabase(PG_ADMIN_URL, name);
  const appUrl = withUser(ownerUrl, PG_APP_ROLE);
  const openConfig = { dataDir, databaseUrl: appUrl, databaseOwnerUrl: ownerUrl };
  const t: TestDatabase = {
    kind,
    database: await openDatabase(openConfig, silent),
    openConfig,
    async asOwner(fn) {
      const db = new Kysely<DB>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: ownerUrl, max: 1 }) }),
      });
      try {
        return await fn(db);
      } finally {
        await db.destroy();
      }
    },
    async reopen() {
      await t.database.close();
      t.database = await openDatabase(openConfig, silent);
      return t.database;
    },
    async destroy() {
      await t.database.close();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Copying a template refuses while anyone is connected to it; only a builder ever is, and only briefly. */
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

let pgTemplate: Promise<string> | undefined;

/**
 * A migrated, empty PostgreSQL database per set of migrations, copied (`create database … template`) for every
 * test that needs a fresh one: a copy takes a fraction of running the migrations. Built under a private name
 * and renamed into place, so parallel workers never copy half a template. Templates of older migrations
 * stay (another checkout may still use them); `confidant_tpl_*` databases can be dropped at any time.
 */
function postgresTemplate(): Promise<string> {
  pgTemplate ??= (async () => {
    const key = templateKey();
    const final = `confidant_tpl_${key}`;
    const exists = await withAdmin(async (admin) => {
      const found = await admin.query('select 1 from pg_database where datname = $1', [final]);
      return found.rowCount === 1;
    });
    if (exists) return final;
    const building = `confidant_tplb_${key}_${randomBytes(4).toString('hex')}`;
    await withAdmin((admin) => admin.query(`create database ${building}`));
    const ownerUrl = withDatabase(PG_ADMIN_URL, building);
    const database = await openDatabase(
      { dataDir: os.tmpdir(), databaseUrl: withUser(ownerUrl, PG_APP_ROLE), databaseOwnerUrl: ownerUrl },
      silent,
    );
    await database.close();
    await withAdmin(async (admin) => {
      try {
        await admin.query(`alter database ${building} rename to ${final}`);
      } catch (err) {
        // Another worker finished first (duplicate_database): use theirs.
        if ((err as { code?: string }).code !== '42P04') throw err;
        await admin.query(`drop database if exists ${building} with (force)`);
      }
    });
    return final;
  })();
  return pgTemplate;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
}

/** Disables the append-only trigger for one statement, as an attacker with owner rights might. */
export async function tamper(db: Kysely<DB>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
  });
}

/**
 * An organisation with one active admin, written as the owner (beside any made by set-up): for tests that
 * need a second tenant, or rows in a tenant table, without going through the API. Returns its id.
 */
export async function insertOrganisation(db: Kysely<DB>, name: string, adminEmail: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date();
  await db.insertInto('organisations').values({ id, name, created_at: now, updated_at: now }).execute();
  await db
    .insertInto('users')
    .values({
      id: crypto.randomUUID(),
      org_id: id,
      email: adminEmail,
      display_name: `${name} admin`,
      role: 'admin',
      status: 'active',
      language: 'nl',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
