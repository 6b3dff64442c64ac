import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, PGLITE_SHARED_BUFFERS } from './open.js';

const silent = pino({ level: 'silent' });

/** PGlite's shared buffers sit in the process's own memory (issue 15: RSS ≤ 300 MB under load). */
describe('the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-memory-'));
  const base = { dataDir, databaseUrl: undefined, databaseOwnerUrl: undefined };
  const sharedBuffers = async (config: Parameters<typeof openDatabase>[0]) => {
    const database = await openDatabase(config, silent);
    try {
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
      return rows[0]!.shared_buffers;
    } finally {
      await database.close();
    }
  };
  let created: string;
  // Creating and migrating a fresh embedded database is the slow part: a hook has the time for it.
  beforeAll(async () => {
    created = await sharedBuffers(base);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('runs with small shared buffers by default, and with the configured size otherwise', async () => {
    expect(PGLITE_SHARED_BUFFERS).toBe('32MB');
    expect(created).toBe('32MB');
    // A start parameter, not written into the data directory: the same data opens with another size.
    expect(await sharedBuffers({ ...base, pgliteSharedBuffers: '16MB' })).toBe('16MB');
    expect(await sharedBuffers(base)).toBe('32MB');
  });
});

/** PGlite has no autovacuum: the app refreshes planner statistics of grown tables when it opens the database. */
describe('planner statistics of the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-analyse-'));
  const config = { dataDir, databaseUrl: undefined, databaseOwnerUrl: undefined };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('analyses a table that has grown since the last start, and leaves unchanged ones alone', async () => {
    const first = await openDatabase(config, silent);
    await first.close();
    // Rows written the way a bulk import or months of work would: many pages, no statistics yet.
    const owner = await PGlite.create(path.join(dataDir, 'pgdata'));
    await owner.exec(`
      insert into jobs (id, kind, payload, status, run_at, created_at, finished_at)
      select gen_random_uuid(), 'test.done', jsonb_build_object('i', i), 'done', now(), now(), now()
      from generate_series(1, 5000) i`);
    const before = await owner.query<{ n: number }>(
      `select reltuples::int as n from pg_class where relname = 'jobs'`,
    );
    await owner.close();
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const second = await openDatabase(config, log);
    await second.close();
    const after = await PGlite.create(path.join(dataDir, 'pgdata'));
    const { rows } = await after.query<{ n: number }>(
      `select reltuples::int as n from pg_class where relname = 'jobs'`,
    );
    await after.close();
    expect(before.rows[0]!.n).toBeLessThan(5000);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(5000);
    const refreshed = lines.find((l) => l.includes('planner statistics refreshed'));
    expect(refreshed).toContain('"jobs"');
    // A start with nothing grown analyses nothing.
    const quiet: string[] = [];
    const third = await openDatabase(
      config,
      pino({ level: 'info' }, { write: (l: string) => quiet.push(l) }),
    );
    await third.close();
    expect(quiet.join('')).not.toMatch(/planner statistics refreshed/);
  });
});
