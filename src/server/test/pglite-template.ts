import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openDatabase } from '../db/open.js';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/**
 * Changes whenever a migration, the way a database is opened (db/open.ts: roles, statistics) or the PGlite
 * version changes, so a stale template is never used.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  hash.update(fs.readFileSync(path.resolve(MIGRATIONS_DIR, '../open.ts')));
  const pglite = fs.readFileSync(
    path.resolve(MIGRATIONS_DIR, '../../../../node_modules/@electric-sql/pglite/package.json'),
  );
  return hash.update(pglite).digest('hex').slice(0, 16);
}

/**
 * A migrated, empty embedded database, made once per set of migrations and reused by every test that needs a
 * fresh one: initdb takes seconds (much longer on a busy machine), a copy a fraction of that. Built in a
 * private directory and renamed into place, so parallel test workers never see half a template.
 */
async function templateDir(): Promise<string> {
  const final = path.join(os.tmpdir(), `confidant-pglite-template-${templateKey()}`);
  if (fs.existsSync(path.join(final, 'pgdata', 'PG_VERSION'))) return final;
  const building = `${final}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(building, { recursive: true });
  const database = await openDatabase(
    { dataDir: building, databaseUrl: undefined, databaseOwnerUrl: undefined },
    pino({ level: 'silent' }),
  );
  await database.close();
  try {
    fs.renameSync(building, final);
  } catch {
    // Another worker got there first: its template is as good as ours.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return final;
}

/**
 * Test databases hold a few hundred rows: 16 MB of shared buffers is plenty. The default 128 MB is allocated
 * and zeroed inside the WebAssembly heap at every start (a test app starts PGlite twice, more on a restart),
 * which made a start cost ~270 ms of CPU instead of ~165 ms and a few hundred MB of memory per test file.
 */
export const TEST_SHARED_BUFFERS = '16MB';

/**
 * Fills `dataDir/pgdata` with a copy of the migrated template; the app then opens it as it would any other,
 * with `pgliteSharedBuffers: TEST_SHARED_BUFFERS` (or PGLITE_SHARED_BUFFERS for a server process).
 */
export async function seedEmbeddedDatabase(dataDir: string): Promise<void> {
  const template = await templateDir();
  const pgdata = path.join(dataDir, 'pgdata');
  fs.cpSync(path.join(template, 'pgdata'), pgdata, { recursive: true });
}
