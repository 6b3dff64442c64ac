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
import { seedEmbeddedDatabase } from './pglite-template.js';

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
  openConfig: { dataDir: string; databaseUrl: string | undefined; databaseOwnerUrl: string | undefined };
  reopen(): Promise<Database>;
  destroy(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/** A fresh, migrated database of the given kind, opened as the unprivileged runtime role. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-test-'));
  if (kind === 'pglite') {
    await seedEmbeddedDatabase(dataDir);
    const openConfig = { dataDir, databaseUrl: undefined, databaseOwnerUrl: undefined };
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
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
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
