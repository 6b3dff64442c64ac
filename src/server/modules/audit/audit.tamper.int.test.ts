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
import { auditJobHandlers } from './audit.jobs.js';
import { recordAccess, verifyAndCheckpoint } from './audit.service.js';

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
    .orderBy('seq')
    .execute();
  let prev: Buffer = GENESIS_HASH;
  for (const r of rows) {
    const h = hash(prev, {
      orgId: r.org_id,
      seq: r.seq,
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
      seq: rows.at(-1)!.seq,
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
    orgId = ((await admin.agent.get('/api/auth/session')).json() as { organisation: { id: string } })
      .organisation.id;
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
  });
  afterEach(() => t.close());

  const verify = (write = false) =>
    inOrg(t.deps.db, orgId, (trx) =>
      verifyAndCheckpoint(trx, t.deps.keyring, orgId, {
        dataDir: t.config.dataDir,
        now: t.clock.now(),
        write,
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
          .set({ seq: cut, hash: last.hash })
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

  it('the daily job verifies, writes a checkpoint, schedules the next and fails on a broken chain', async () => {
    const run = () =>
      t.deps.db.transaction().execute((trx) =>
        auditJobHandlers['audit.checkpoint']!(
          {
            db: trx,
            orgId: null,
            actor: { kind: 'system', orgId: '' },
            clock: t.clock,
            keyring: t.deps.keyring,
            dataDir: t.config.dataDir,
          },
          {},
        ),
      );
    await run();
    const lines = fs.readFileSync(checkpointFile(t.config.dataDir, orgId), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    await t.asOwner((db) =>
      asAttacker(db, async (trx) => {
        await sql`delete from access_log where org_id = ${orgId} and seq = 4`.execute(trx);
        await trx.updateTable('access_heads').set({ seq: 3 }).where('org_id', '=', orgId).execute();
      }),
    );
    await expect(run()).rejects.toThrow(
      /audit chain verification failed: .*access (head_mismatch|truncated)/,
    );
    expect(fs.readFileSync(checkpointFile(t.config.dataDir, orgId), 'utf8').trim().split('\n')).toHaveLength(
      1,
    );
  });
});
