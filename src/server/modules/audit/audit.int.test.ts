import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { tamper, testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { recordAccess, verifyAndCheckpoint } from './audit.service.js';

const kinds = await testKinds();

describe.each(kinds)('audit chain and access log on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let officer: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    officer = await inviteAndActivate(t, admin.agent, 'privacy_officer', 'po@noord.example');
    for (const role of ['coordinator', 'counsellor'] as const) await inviteAndActivate(t, admin.agent, role);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
  });
  afterAll(() => t.close());

  const verify = () =>
    inOrg(t.deps.db, orgId, (trx) =>
      verifyAndCheckpoint(trx, t.deps.keyring, orgId, {
        dataDir: t.config.dataDir,
        now: t.clock.now(),
        write: false,
      }),
    );

  it('lists entries newest first with keyset pages and filters', async () => {
    const po = await signIn(t, officer, '10.6.0.1');
    const first = (await po.get('/api/audit?limit=3')).json<{
      items: { id: number; seq: number | null; linked: boolean; action: string }[];
      nextBefore: number;
    }>();
    expect(first.items.map((i) => i.id)).toEqual([...first.items.map((i) => i.id)].sort((a, b) => b - a));
    // Nothing has linked them yet (no worker runs here): the newest entries show at once, unlinked.
    expect(first.items[0]).toMatchObject({ seq: null, linked: false });
    expect(first.items).toHaveLength(3);
    const second = (await po.get(`/api/audit?limit=3&before=${first.nextBefore}`)).json<{
      items: { id: number }[];
    }>();
    expect(second.items[0]!.id).toBeLessThan(first.items.at(-1)!.id);
    const invites = (await po.get('/api/audit?entity=user&limit=100')).json<{
      items: { entity: string; action: string }[];
    }>();
    expect(invites.items.every((i) => i.entity === 'user')).toBe(true);
    expect(invites.items.map((i) => i.action)).toContain('user.invite');
    const byActor = (await po.get(`/api/audit?actorId=${officer.userId}`)).json<{
      items: { actorId: string }[];
    }>();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((i) => i.actorId === officer.userId)).toBe(true);
    const future = (await po.get('/api/audit?from=2099-01-01')).json<{ items: unknown[] }>();
    expect(future.items).toEqual([]);
    const bad = await po.get('/api/audit?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'from' }] });
  });

  it('verifies an intact chain through the API', async () => {
    const po = await signIn(t, officer, '10.6.0.2');
    const res = (await po.post('/api/audit/verify')).json<{ ok: boolean; checked: number }>();
    expect(res.ok).toBe(true);
    expect(res.checked).toBeGreaterThan(8);
  });

  it('records reads in the access log and filters them by user and record', async () => {
    const actor = {
      kind: 'user' as const,
      userId: admin.userId,
      orgId,
      role: 'admin' as const,
      sessionId: 's',
    };
    await inOrg(t.deps.db, orgId, async (trx) => {
      await recordAccess(
        { db: trx, actor, clock: t.clock },
        { entity: 'case', entityId: 'case-1', purpose: 'view', reason: 'supervision' },
      );
      await recordAccess(
        { db: trx, actor, clock: t.clock },
        { entity: 'case', entityId: 'case-2', purpose: 'view' },
      );
    });
    const po = await signIn(t, officer, '10.6.0.3');
    const one = (await po.get('/api/access-log?entity=case&entityId=case-1')).json<{
      items: Record<string, unknown>[];
    }>();
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({
      actorId: admin.userId,
      actorName: 'Amina Admin',
      purpose: 'view',
      outcome: 'read',
      reason: 'supervision',
    });
    const all = (await po.get(`/api/access-log?actorId=${admin.userId}`)).json<{ items: unknown[] }>();
    expect(all.items).toHaveLength(2);
    // The reason is sealed at rest: neither the clear column nor the ciphertext holds the words.
    const raw = await t.asOwner((db) =>
      db
        .selectFrom('access_log')
        .select(['reason', 'reason_enc'])
        .where('entity_id', '=', 'case-1')
        .executeTakeFirstOrThrow(),
    );
    expect(raw.reason).toBeNull();
    expect(raw.reason_enc).not.toBeNull();
    expect(Buffer.from(raw.reason_enc!).toString('latin1')).not.toContain('supervision');
  });

  it('detects an edited entry', async () => {
    await t.asOwner((db) =>
      tamper(db, sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = 3`),
    );
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'hash_mismatch' });
    const po = await signIn(t, officer, '10.6.1.1');
    expect((await po.post('/api/audit/verify')).json()).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const fresh = await createTestApp(kind);
    try {
      await setupOrganisation(fresh);
      const org = await fresh.asOwner(
        async (db) => (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id,
      );
      const check = () =>
        inOrg(fresh.deps.db, org, (trx) =>
          verifyAndCheckpoint(trx, fresh.deps.keyring, org, {
            dataDir: fresh.config.dataDir,
            now: fresh.clock.now(),
            write: false,
          }),
        );
      expect(await check()).toMatchObject({ ok: true });
      const last = await fresh.asOwner(
        async (db) => (await db.selectFrom('audit_heads').select('seq').executeTakeFirstOrThrow()).seq,
      );
      await fresh.asOwner((db) => tamper(db, sql`delete from audit_log where seq = ${last}`));
      expect(await check()).toMatchObject({ ok: false, problem: 'head_mismatch' });
      await fresh.asOwner((db) => tamper(db, sql`delete from audit_log where seq = 2`));
      expect(await check()).toMatchObject({ ok: false, firstBrokenSeq: 2, problem: 'gap' });
    } finally {
      await fresh.close();
    }
  });
});
