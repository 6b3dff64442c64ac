import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { seedEmbeddedDatabase } from '../test/pglite-template.js';
import { openDatabase } from './open.js';

/**
 * The embedded database's lock file is refreshed on a timer. When it is lost (deleted, or not refreshed in
 * time on a stalled machine), proper-lockfile's default is to throw from that timer, which kills the process;
 * we log instead, keep serving, and still close cleanly.
 */
describe('embedded database lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('survives a compromised lock file: logs it, keeps working, closes cleanly', async () => {
    const lines: string[] = [];
    const LOST = 'the embedded database lock could not be refreshed';
    let sawLost: () => void = () => {};
    const lost = new Promise<void>((resolve) => (sawLost = resolve));
    const log = pino(
      { level: 'error' },
      {
        write: (line: string) => {
          lines.push(line);
          if (line.includes(LOST)) sawLost();
        },
      },
    );
    // A migrated copy: creating and migrating a database here took most of the old 30 s budget on a busy machine.
    await seedEmbeddedDatabase(dir);
    const database = await openDatabase(
      { dataDir: dir, databaseUrl: undefined, databaseOwnerUrl: undefined },
      log,
    );
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      fs.rmSync(path.join(dir, 'pgdata.lock'), { recursive: true, force: true });
      // The lock is refreshed every 5 s: wait for the refresh that finds it gone (not for a fixed time, which
      // a stalled machine can outlast), bounded by the test's timeout.
      await lost;
      expect(lines.join('')).toContain(LOST);
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows[0]!.one).toBe(1);
      await expect(database.close()).resolves.toBeUndefined();
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
