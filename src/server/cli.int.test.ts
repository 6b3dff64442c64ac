import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from './lib/crypto/keyring.js';
import { writeKeyFile } from './lib/crypto/master-key.js';
import { rewrapAllOrgKeys } from './lib/crypto/rotate.js';
import { generateMasterKey } from './lib/crypto/master-key.js';
import { tamper, testKinds } from './test/databases.js';
import { Agent, createTestApp, setupOrganisation, STRONG_PASSWORD, type TestApp } from './test/harness.js';

const run = promisify(execFile);
const kinds = await testKinds();

describe.each(kinds)('maintenance commands on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await setupOrganisation(t);
  });
  afterAll(() => t.close());

  function cli(command: string): Promise<{ code: number; out: string }> {
    const env = {
      ...process.env,
      DATA_DIR: t.tdb.openConfig.dataDir,
      DATABASE_URL: t.tdb.openConfig.databaseUrl ?? '',
      DATABASE_OWNER_URL: t.tdb.openConfig.databaseOwnerUrl ?? '',
      MASTER_KEY_FILE: path.join(t.tdb.openConfig.dataDir, 'master.key'),
    };
    if (!env.DATABASE_URL) delete (env as Record<string, string | undefined>).DATABASE_URL;
    if (!env.DATABASE_OWNER_URL) delete (env as Record<string, string | undefined>).DATABASE_OWNER_URL;
    // On a timeout the child is killed outright: a maintenance command must never be left behind.
    return run('node', ['--import', 'tsx', 'src/server/cli.ts', command], {
      env,
      timeout: 60_000,
      killSignal: 'SIGKILL',
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
  }

  it('exits at once with a clear error when there is no database in DATA_DIR', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-cli-empty-'));
    try {
      fs.mkdirSync(path.join(empty, 'pgdata'));
      const res = await run('node', ['--import', 'tsx', 'src/server/cli.ts', 'audit:verify'], {
        env: { ...process.env, DATA_DIR: empty, DATABASE_URL: '', DATABASE_OWNER_URL: '' },
        timeout: 60_000,
        killSignal: 'SIGKILL',
      }).then(
        () => ({ code: 0, out: '' }),
        (e: { code: number | null; signal?: string; stderr: string }) => ({ code: e.code, out: e.stderr }),
      );
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/No embedded database in .*pgdata \(check DATA_DIR\)/);
      // Nothing was created in its place.
      expect(fs.readdirSync(path.join(empty, 'pgdata'))).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('audit:verify reports an intact chain, then the tampered entry, with exit code 1', async () => {
    // The CLI holds the app's master key, as it would on the same installation.
    writeKeyFile(path.join(t.tdb.openConfig.dataDir, 'master.key'), t.deps.keyring.currentMaster);
    const ok = await t.suspend(() => cli('audit:verify'));
    expect(ok.out).toMatch(/audit log intact \(\d+ entries\); access log intact/);
    expect(ok.out).toMatch(/^checkpoint \{"organisationId":/m);
    expect(ok.code).toBe(0);
    await t.asOwner((db) => tamper(db, sql`update audit_log set entity_id = 'someone-else' where seq = 2`));
    const bad = await t.suspend(() => cli('audit:verify'));
    expect(bad.out).toMatch(/BROKEN at entry 2 \(hash_mismatch\)/);
    expect(bad.code).toBe(1);
  });

  it('rotates the master key: the new key opens the data, the old one no longer does', async () => {
    const oldMaster = t.deps.keyring.currentMaster;
    const next = generateMasterKey();
    const n = await t.asOwner((db) => rewrapAllOrgKeys(db, [oldMaster], next));
    expect(n).toBe(1);
    // Sign-in needs the admin's TOTP secret, encrypted under the organisation key: it works with the new key only.
    t.deps.keyring = new Keyring([next]);
    await t.restart();
    const login = await new Agent(t, '10.4.0.1').post('/api/auth/login', {
      email: 'admin@noord.example',
      password: STRONG_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    const stale = new Keyring([oldMaster]);
    const orgId = await t.asOwner(
      async (db) => (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id,
    );
    await expect(t.asOwner((db) => stale.orgKey(db, orgId))).rejects.toThrow(/not configured/);
  });

  it('keys:rotate-master replaces the key file atomically', async () => {
    const keyFile = path.join(t.tdb.openConfig.dataDir, 'master.key');
    writeKeyFile(keyFile, t.deps.keyring.currentMaster);
    const before = fs.readFileSync(keyFile, 'utf8');
    const res = await t.suspend(() => cli('keys:rotate-master'));
    expect(res.out).toMatch(/Re-wrapped 1 organisation key/);
    expect(fs.readFileSync(keyFile, 'utf8')).not.toBe(before);
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });
});
