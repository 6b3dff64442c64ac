import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../db/database.js';
import { inOrg, toBuffer } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import {
  accessHash,
  entryHash,
  GENESIS_HASH,
  keyedEntryHash,
  type ChainedFields,
} from './audit.canonical.js';
import { checkpointFile } from './audit.checkpoint.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import { scheduleCheckpoint } from './audit.jobs.js';
import { linkOrganisation } from './audit.linker.js';
import { audit, recordAccess, verifyAndCheckpoint } from './audit.service.js';

const kinds = await testKinds();

/** What an attacker with the owner role can do: switch the append-only triggers off around a change. */
async function asAttacker(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
    await sql`alter table access_log disable trigger access_log_append_only`.execute(trx);
    await fn(trx);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    await sql`alter table access_log enable trigger access_log_append_only`.execute(trx);
  });
}

/** Recomputes the whole audit chain with `hash` and moves the head, as an owner covering an edit would. */
async function rechainAudit(
  db: Kysely<DB>,
  orgId: string,
  hash: (prev: Buffer, e: ChainedFields) => Buffer,
  unkeyedUntil?: number,
): Promise<void> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
  let prev: Buffer = GENESIS_HASH;
  for (const r of rows) {
    const h = hash(prev, {
      orgId: r.org_id,
      seq: r.seq!,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      changedFields: r.changed_fields,
      details: r.details,
    });
    await db
      .updateTable('audit_log')
      .set({ prev_hash: prev, hash: h })
      .where('org_id', '=', orgId)
      .where('seq', '=', r.seq)
      .execute();
    prev = h;
  }
  await db
    .updateTable('audit_heads')
    .set({
      seq: rows.at(-1)!.seq!,
      hash: prev,
      ...(unkeyedUntil !== undefined ? { unkeyed_until: unkeyedUntil } : {}),
    })
    .where('org_id', '=', orgId)
    .execute();
}

describe.each(kinds)('tampering with the audit chain and access log on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let admin: SignedIn;

  beforeEach(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    await inviteAndActivate(t, admin.agent, 'coordinator');
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
    const actor = {
      kind: 'user' as const,
      userId: admin.userId,
      orgId,
      role: 'admin' as const,
      sessionId: 's',
    };
    await inOrg(t.deps.db, orgId, async (trx) => {
      const ctx = { db: trx, actor, clock: t.clock, keyring: t.deps.keyring };
      for (const n of [1, 2, 3, 4]) {
        await recordAccess(ctx, {
          entity: 'case',
          entityId: `case-${n}`,
          purpose: 'view',
          reason: `reason ${n}`,
        });
      }
    });
    // What the worker's linker does within a second; no worker runs in these tests.
    await link();
  });
  afterEach(() => t.close());

  const link = () =>
    inOrg(t.deps.db, orgId, (trx) => linkOrganisation(trx, t.deps.keyring, orgId, { skipLocked: false }));

  const verify = (write = false, opts: { link: boolean } = { link: true }) =>
    inOrg(t.deps.db, orgId, (trx) =>
      verifyAndCheckpoint(trx, t.deps.keyring, orgId, {
        dataDir: t.config.dataDir,
        now: t.clock.now(),
        write,
        link: opts.link,
      }),
    );

  it('detects an edited entry even when the owner recomputes the chain without the key', async () => {
    expect(await verify()).toMatchObject({ ok: true, problem: null });
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = 3`.execute(
          trx,
        );
        await rechainAudit(trx, orgId, entryHash);
      }),
    );
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 1, problem: 'hash_mismatch' });
  });

  it('detects an edited entry recomputed with a key that is not the organisation’s', async () => {
    const wrongKey = randomBytes(32);
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`update audit_log set entity_id = 'someone-else' where org_id = ${orgId} and seq = 2`.execute(
          trx,
        );
        await rechainAudit(trx, orgId, (prev, e) => keyedEntryHash(wrongKey, prev, e));
      }),
    );
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 1, problem: 'hash_mismatch' });
  });

  it('detects a rewrite that declares the whole chain unkeyed, against the checkpoint', async () => {
    expect((await verify(true)).newCheckpoint).not.toBeNull();
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = 3`.execute(
          trx,
        );
        const { seq } = await trx
          .selectFrom('audit_heads')
          .select('seq')
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow();
        await rechainAudit(trx, orgId, entryHash, seq);
      }),
    );
    expect(await verify()).toMatchObject({ ok: false, problem: 'switch_mismatch' });
  });

  it('detects a cut tail with the head moved back, against the last checkpoint', async () => {
    const before = await verify(true);
    expect(before.newCheckpoint).toMatchObject({
      organisationId: orgId,
      auditSeq: before.checked,
      accessSeq: 4,
    });
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        const cut = before.checked - 1;
        await sql`delete from audit_log where org_id = ${orgId} and seq > ${cut}`.execute(trx);
        const last = await trx
          .selectFrom('audit_log')
          .select('hash')
          .where('org_id', '=', orgId)
          .where('seq', '=', cut)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('audit_heads')
          .set({ seq: cut, hash: last.hash! })
          .where('org_id', '=', orgId)
          .execute();
        await sql`delete from access_log where org_id = ${orgId} and seq = 4`.execute(trx);
        const a3 = await trx
          .selectFrom('access_log')
          .select('hash')
          .where('org_id', '=', orgId)
          .where('seq', '=', 3)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('access_heads')
          .set({ seq: 3, hash: a3.hash! })
          .where('org_id', '=', orgId)
          .execute();
      }),
    );
    const after = await verify();
    expect(after).toMatchObject({
      ok: false,
      problem: 'truncated',
      firstBrokenSeq: before.checked,
      accessLog: { ok: false, problem: 'truncated', firstBrokenSeq: 4 },
      newCheckpoint: null,
    });
  });

  it('refuses a forged checkpoint', async () => {
    await verify(true);
    const file = checkpointFile(t.config.dataDir, orgId);
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as { auditSeq: number };
    fs.appendFileSync(file, `${JSON.stringify({ ...line, auditSeq: line.auditSeq - 1 })}\n`);
    expect(await verify()).toMatchObject({ ok: false, problem: 'checkpoint_invalid' });
  });

  it('detects an edited access-log row, and one recomputed with a wrong key', async () => {
    expect((await verify()).accessLog).toMatchObject({ ok: true, checked: 4 });
    const wrongKey = randomBytes(32);
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`update access_log set entity_id = 'case-9' where org_id = ${orgId} and seq = 2`.execute(
          trx,
        );
      }),
    );
    expect((await verify()).accessLog).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      problem: 'hash_mismatch',
    });
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        const rows = await trx
          .selectFrom('access_log')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('seq', 'is not', null)
          .orderBy('seq')
          .execute();
        let prev: Buffer = GENESIS_HASH;
        for (const r of rows) {
          const h = accessHash(wrongKey, prev, {
            orgId,
            seq: r.seq!,
            at: r.at,
            actorId: r.actor_id,
            entity: r.entity,
            entityId: r.entity_id,
            purpose: r.purpose,
            outcome: r.outcome,
            reasonEnc: r.reason_enc ? toBuffer(r.reason_enc) : null,
          });
          await sql`update access_log set prev_hash = ${prev}, hash = ${h} where id = ${r.id}`.execute(trx);
          prev = h;
        }
        await trx.updateTable('access_heads').set({ hash: prev }).where('org_id', '=', orgId).execute();
      }),
    );
    expect((await verify()).accessLog).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      problem: 'hash_mismatch',
    });
  });

  it('checks a chain begun before keying the old way up to its switch-over point, and keyed after it', async () => {
    // What migration 0011 finds: a chain hashed without a key. It records the head as the switch-over point.
    const legacyHead = await t.asOwner(async (db) => {
      let head = 0;
      await asAttacker(db, async (trx) => {
        head = (
          await trx
            .selectFrom('audit_heads')
            .select('seq')
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).seq;
        await rechainAudit(trx, orgId, entryHash, head);
      });
      return head;
    });
    expect(await verify()).toMatchObject({ ok: true });
    const officer = await inviteAndActivate(t, admin.agent, 'privacy_officer');
    const po = await signIn(t, officer, '10.8.0.1');
    expect((await po.post('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const marker = await t.asOwner((db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('org_id', '=', orgId)
        .where('seq', '=', legacyHead + 1)
        .executeTakeFirstOrThrow(),
    );
    expect(marker).toEqual({ action: 'audit.chain_keyed', details: { unkeyedUntil: legacyHead } });
    expect(await verify()).toMatchObject({ ok: true });
    // Editing a keyed entry and recomputing everything the old way no longer passes.
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = ${legacyHead + 2}`.execute(
          trx,
        );
        await rechainAudit(trx, orgId, entryHash);
      }),
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: legacyHead + 1,
      problem: 'hash_mismatch',
    });
  });

  it('the daily job hands each organisation its own job, which verifies, writes a checkpoint and fails on a broken chain', async () => {
    const jobs = () =>
      t.asOwner((db) =>
        db
          .selectFrom('jobs')
          .select(['kind', 'org_id', 'status', 'last_error'])
          .where('kind', 'like', 'audit.checkpoint%')
          .orderBy('created_at')
          .execute(),
      );
    /** What the worker does every few seconds, until nothing is due. */
    const drain = async () => {
      while ((await runDueJobs(t.deps, jobHandlers, 'w')) > 0) {
        /* drain */
      }
    };
    await t.deps.db.transaction().execute((trx) => scheduleCheckpoint(trx, t.clock.now()));
    await drain();
    const lines = fs.readFileSync(checkpointFile(t.config.dataDir, orgId), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ organisationId: orgId, walk: 'full' });
    const after = await jobs();
    // The day's run, this organisation's share of it, and tomorrow's run.
    expect(after.filter((j) => j.kind === 'audit.checkpoint.organisation')).toEqual([
      expect.objectContaining({ org_id: orgId, status: 'done' }),
    ]);
    expect(
      after
        .filter((j) => j.kind === 'audit.checkpoint')
        .map((j) => j.status)
        .sort(),
    ).toEqual(['done', 'queued']);

    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`delete from access_log where org_id = ${orgId} and seq = 4`.execute(trx);
        await trx.updateTable('access_heads').set({ seq: 3 }).where('org_id', '=', orgId).execute();
      }),
    );
    t.clock.advance(86_400_000);
    await drain();
    const failed = (await jobs()).filter((j) => j.kind === 'audit.checkpoint.organisation').at(-1);
    expect(failed).toMatchObject({ org_id: orgId, status: 'queued' }); // to be retried
    expect(failed?.last_error).toMatch(/audit chain verification failed: .*access (head_mismatch|truncated)/);
    expect(fs.readFileSync(checkpointFile(t.config.dataDir, orgId), 'utf8').trim().split('\n')).toHaveLength(
      1,
    );
  });

  /** The organisation's admin, as the services see a signed-in user. */
  const actor = () => ({
    kind: 'user' as const,
    userId: admin.userId,
    orgId,
    role: 'admin' as const,
    sessionId: 's',
  });

  describe('entries waiting for the linker', () => {
    /** Writes two audit entries and two access rows that nothing has linked yet; answers their row ids. */
    async function writeWaiting(): Promise<{ audit: number[]; access: number[] }> {
      await inOrg(t.deps.db, orgId, async (trx) => {
        const ctx = { db: trx, actor: actor(), clock: t.clock, keyring: t.deps.keyring };
        await audit(ctx, {
          action: 'case.update',
          entity: 'case',
          entityId: 'case-7',
          changedFields: ['state'],
        });
        await audit(ctx, { action: 'case.update', entity: 'case', entityId: 'case-8' });
        await recordAccess(ctx, {
          entity: 'case',
          entityId: 'case-7',
          purpose: 'view',
          reason: 'supervisie',
        });
        await recordAccess(ctx, { entity: 'case', entityId: 'case-8', purpose: 'view' });
      });
      return t.asOwner(async (db) => ({
        audit: (
          await db.selectFrom('audit_log').select('id').where('seq', 'is', null).orderBy('id').execute()
        ).map((r) => r.id),
        access: (
          await db
            .selectFrom('access_log')
            .select('id')
            .where('seq', 'is', null)
            .where('mac', 'is not', null)
            .orderBy('id')
            .execute()
        ).map((r) => r.id),
      }));
    }

    it('are checked by their own MAC before they are linked, and are in the chain after', async () => {
      const waiting = await writeWaiting();
      expect(waiting.audit).toHaveLength(2);
      expect(waiting.access).toHaveLength(2);
      const before = await verify(false, { link: false });
      expect(before).toMatchObject({ ok: true, waiting: 2, accessLog: { ok: true, waiting: 2 } });
      const linked = await link();
      expect(linked).toEqual({ audit: 2, access: 2, badMacs: 0 });
      const after = await verify(false, { link: false });
      expect(after).toMatchObject({
        ok: true,
        waiting: 0,
        checked: before.checked,
        accessLog: { ok: true, waiting: 0, checked: 6 },
      });
      // Linking twice links nothing twice.
      expect(await link()).toEqual({ audit: 0, access: 0, badMacs: 0 });
    });

    it('detects an edited waiting audit entry, before and after the linker took it', async () => {
      const waiting = await writeWaiting();
      const id = waiting.audit[0]!;
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`update audit_log set entity_id = 'case-9' where id = ${id}`.execute(trx);
        }),
      );
      expect(await verify(false, { link: false })).toMatchObject({
        ok: false,
        problem: 'hash_mismatch',
        firstBrokenSeq: null,
        firstBrokenId: id,
        newCheckpoint: null,
      });
      // The linker chains it all the same (a hole would hide what follows) and counts it; the MAC still tells.
      expect(await link()).toMatchObject({ audit: 2, badMacs: 1 });
      const seq = await t.asOwner(
        async (db) =>
          (await db.selectFrom('audit_log').select('seq').where('id', '=', id).executeTakeFirstOrThrow()).seq,
      );
      expect(seq).not.toBeNull();
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'hash_mismatch',
        firstBrokenSeq: seq,
        firstBrokenId: id,
        newCheckpoint: null,
      });
    });

    it('detects an edited waiting access row (its sealed reason swapped), before and after linking', async () => {
      const waiting = await writeWaiting();
      const [withReason, without] = waiting.access as [number, number];
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`update access_log set reason_enc = (select reason_enc from access_log where seq = 1)
            where id = ${withReason}`.execute(trx);
          await sql`update access_log set outcome = 'denied' where id = ${without}`.execute(trx);
        }),
      );
      expect((await verify(false, { link: false })).accessLog).toMatchObject({
        ok: false,
        problem: 'hash_mismatch',
        firstBrokenSeq: null,
        firstBrokenId: withReason,
      });
      expect(await link()).toMatchObject({ access: 2, badMacs: 2 });
      expect((await verify()).accessLog).toMatchObject({
        ok: false,
        problem: 'hash_mismatch',
        firstBrokenSeq: 5,
        firstBrokenId: withReason,
      });
    });

    it('detects a copied entry (a replay of a genuine one), waiting or linked', async () => {
      const waiting = await writeWaiting();
      const copyOf = waiting.audit[1]!;
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`insert into audit_log (org_id, at, actor_id, action, entity, entity_id, changed_fields,
              details, entry, mac)
            select org_id, at, actor_id, action, entity, entity_id, changed_fields, details, entry, mac
            from audit_log where id = ${copyOf}`.execute(trx);
          await sql`insert into access_log (org_id, at, actor_id, entity, entity_id, purpose, outcome,
              reason_enc, entry, mac)
            select org_id, at, actor_id, entity, entity_id, purpose, outcome, reason_enc, entry, mac
            from access_log where seq = 2`.execute(trx);
        }),
      );
      const before = await verify(false, { link: false });
      expect(before).toMatchObject({ ok: false, problem: 'duplicate', firstBrokenId: copyOf });
      expect(before.accessLog).toMatchObject({ ok: false, problem: 'duplicate', firstBrokenSeq: 2 });
      expect(await link()).toMatchObject({ audit: 3, access: 3, badMacs: 0 });
      expect(await verify()).toMatchObject({
        ok: false,
        problem: 'duplicate',
        firstBrokenId: copyOf,
        accessLog: { ok: false, problem: 'duplicate' },
      });
    });

    it('reports an unchained entry without a MAC, which the linker leaves alone', async () => {
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`alter table audit_log drop constraint audit_log_chained_or_authenticated`.execute(trx);
          await sql`insert into audit_log (org_id, at, action, entity) values (${orgId}, now(), 'user.nothing', 'user')`.execute(
            trx,
          );
        }),
      );
      expect(await link()).toMatchObject({ audit: 0 });
      expect(await verify()).toMatchObject({ ok: false, problem: 'hash_mismatch', firstBrokenSeq: null });
    });

    it('detects a gap and a reorder among linked entries', async () => {
      await writeWaiting();
      await link();
      const ok = await verify();
      expect(ok.ok).toBe(true);
      const last = ok.checked;
      // Two neighbours swap their places (content, links and hashes all moved along).
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`update audit_log set seq = -1 where org_id = ${orgId} and seq = ${last - 1}`.execute(trx);
          await sql`update audit_log set seq = ${last - 1} where org_id = ${orgId} and seq = ${last}`.execute(
            trx,
          );
          await sql`update audit_log set seq = ${last} where org_id = ${orgId} and seq = -1`.execute(trx);
        }),
      );
      expect(await verify()).toMatchObject({ ok: false, problem: 'link_mismatch', firstBrokenSeq: last - 1 });
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`delete from access_log where org_id = ${orgId} and seq = 3`.execute(trx);
        }),
      );
      expect((await verify()).accessLog).toMatchObject({ ok: false, problem: 'gap', firstBrokenSeq: 3 });
    });

    it('does not notice a waiting row deleted by a superuser before the linker took it (the stated window)', async () => {
      const waiting = await writeWaiting();
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`delete from access_log where id = ${waiting.access[1]!}`.execute(trx);
        }),
      );
      await link();
      // Documented in docs/data-protection.md: nothing in the database remembers a row that was never linked.
      expect((await verify()).accessLog).toMatchObject({ ok: true, checked: 5 });
    });

    it('lets the runtime role link a waiting row once, and change nothing else', async () => {
      const waiting = await writeWaiting();
      const id = waiting.audit[0]!;
      const accessId = waiting.access[0]!;
      const asApp = (statement: ReturnType<typeof sql>) =>
        inOrg(t.deps.db, orgId, (trx) => statement.execute(trx));
      const refused = /permission denied|append-only/;
      // Its content: not even together with the chain columns.
      await expect(asApp(sql`update audit_log set action = 'user.nothing' where id = ${id}`)).rejects.toThrow(
        refused,
      );
      await expect(asApp(sql`update access_log set entity_id = 'x' where id = ${accessId}`)).rejects.toThrow(
        refused,
      );
      await expect(asApp(sql`delete from audit_log where id = ${id}`)).rejects.toThrow(refused);
      await expect(asApp(sql`delete from access_log where id = ${accessId}`)).rejects.toThrow(refused);
      // Half a link, or a link of a row already linked: refused by the trigger.
      await expect(asApp(sql`update audit_log set seq = 999 where id = ${id}`)).rejects.toThrow(refused);
      await expect(
        asApp(sql`update access_log set seq = 999, prev_hash = hash, hash = hash where seq = 1`),
      ).rejects.toThrow(refused);
      await expect(
        asApp(sql`update audit_log set seq = 999, prev_hash = '\\x00', hash = '\\x00' where seq = 1`),
      ).rejects.toThrow(refused);
      // The linker's own update passes, once.
      expect(await link()).toMatchObject({ audit: 2, access: 2 });
      await expect(
        asApp(sql`update audit_log set seq = 999, prev_hash = hash, hash = hash where id = ${id}`),
      ).rejects.toThrow(refused);
      expect(await verify()).toMatchObject({ ok: true, accessLog: { ok: true } });
    });
  });

  describe('the daily checkpoint between full walks', () => {
    const DAY = 86_400_000;
    /** What the daily job does for one organisation. */
    const daily = () =>
      inOrg(t.deps.db, orgId, (trx) =>
        verifyAndCheckpoint(trx, t.deps.keyring, orgId, {
          dataDir: t.config.dataDir,
          now: t.clock.now(),
          write: true,
          walk: 'as_due',
        }),
      );
    const moreEntries = () =>
      inOrg(t.deps.db, orgId, async (trx) => {
        const ctx = { db: trx, actor: actor(), clock: t.clock, keyring: t.deps.keyring };
        await audit(ctx, {
          action: 'case.update',
          entity: 'case',
          entityId: 'case-9',
          changedFields: ['state'],
        });
        await audit(ctx, { action: 'case.update', entity: 'case', entityId: 'case-9' });
        await recordAccess(ctx, { entity: 'case', entityId: 'case-9', purpose: 'view' });
        await recordAccess(ctx, { entity: 'case', entityId: 'case-9', purpose: 'view' });
      });
    /** A checkpoint yesterday, and a day's entries since. */
    const checkpointedADayAgo = async () => {
      await daily();
      await moreEntries();
      t.clock.advance(DAY);
    };

    it('re-hashes only what came after the last checkpoint, and every entry a week after the last full walk', async () => {
      const first = await daily();
      expect(first).toMatchObject({ ok: true, newCheckpoint: { walk: 'full', auditSeq: first.checked } });
      await moreEntries();
      t.clock.advance(DAY);
      const second = await daily();
      expect(second).toMatchObject({
        ok: true,
        checked: 2,
        accessLog: { ok: true, checked: 2 },
        newCheckpoint: { walk: 'from_previous', auditSeq: first.checked + 2, accessSeq: 6 },
      });
      // It reaches the same heads as walking everything.
      const whole = await verify();
      expect(whole.checked).toBe(first.checked + 2);
      expect(whole.newCheckpoint).toMatchObject({
        auditHead: second.newCheckpoint!.auditHead,
        accessHead: second.newCheckpoint!.accessHead,
      });

      // The content of an entry behind the checkpoint, edited with its hash left as it was: the shorter walk
      // does not re-hash it (docs/data-protection.md); every on-demand verification and the weekly walk do.
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = 1`.execute(
            trx,
          );
        }),
      );
      t.clock.advance(DAY);
      expect(await daily()).toMatchObject({ ok: true, newCheckpoint: { walk: 'from_previous' } });
      expect(await verify()).toMatchObject({ ok: false, problem: 'hash_mismatch', firstBrokenSeq: 1 });
      t.clock.set(new Date(Date.parse(first.newCheckpoint!.at) + 7 * DAY + 1));
      expect(await daily()).toMatchObject({
        ok: false,
        problem: 'hash_mismatch',
        firstBrokenSeq: 1,
        newCheckpoint: null,
      });
    });

    it('walks everything, and gives its exact verdict, when the chain behind the checkpoint changed', async () => {
      await checkpointedADayAgo();
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`delete from audit_log where org_id = ${orgId} and seq = 2`.execute(trx);
          await sql`delete from access_log where org_id = ${orgId} and seq = 2`.execute(trx);
        }),
      );
      expect(await daily()).toMatchObject({
        ok: false,
        problem: 'gap',
        firstBrokenSeq: 2,
        accessLog: { ok: false, problem: 'gap', firstBrokenSeq: 2 },
        newCheckpoint: null,
      });
    });

    it('walks everything when the chain behind the checkpoint was recomputed after an edit', async () => {
      await checkpointedADayAgo();
      await t.asOwner((db) =>
        asAttacker(db, async (trx) => {
          await sql`update audit_log set action = 'user.nothing' where org_id = ${orgId} and seq = 3`.execute(
            trx,
          );
          await rechainAudit(trx, orgId, entryHash);
        }),
      );
      expect(await daily()).toMatchObject({ ok: false, problem: 'hash_mismatch', firstBrokenSeq: 1 });
    });
  });
});
