import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
