import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { toBuffer } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { intakeBody, openCase, terms, type Terms } from '../../test/cases-fixtures.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('intake on %s', (kind) => {
  let t: TestApp;
  let coordinator: SignedIn;
  let coordinator2: SignedIn;
  let counsellor: SignedIn;
  let tx: Terms;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    coordinator = await inviteAndActivate(t, admin.agent, 'coordinator');
    coordinator2 = await inviteAndActivate(t, admin.agent, 'coordinator');
    counsellor = await inviteAndActivate(t, admin.agent, 'counsellor');
    tx = await terms(coordinator.agent);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
  });
  afterAll(() => t.close());

  const fresh = (who: SignedIn) =>
    signIn(t, who, `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  it('opens a case from a call and never duplicates it on retry', async () => {
    const a = await fresh(coordinator);
    const body = intakeBody(tx);
    const first = await a.post('/api/intake', body);
    expect(first.statusCode).toBe(200);
    const again = await a.post('/api/intake', body);
    expect(again.json()).toEqual(first.json());
    const [x, y] = await Promise.all([
      a.post('/api/intake', { ...body }),
      a.post('/api/intake', { ...body }),
    ]);
    expect(x.json()).toEqual(first.json());
    expect(y.json()).toEqual(first.json());
    const counts = await inOrg(t.deps.db, orgId, async (trx) => ({
      contacts: (
        await trx.selectFrom('contacts').select('id').where('request_id', '=', body.requestId).execute()
      ).length,
      cases: (
        await trx
          .selectFrom('cases')
          .select('id')
          .where('id', '=', first.json<{ caseId: string }>().caseId)
          .execute()
      ).length,
    }));
    expect(counts).toEqual({ contacts: 1, cases: 1 });
    expect(first.json<{ caseReference: string }>().caseReference).toMatch(/^\d{4}-\d{4}$/);
  });

  it('stores summary, alias and phone only encrypted, and the phone as a keyed HMAC', async () => {
    const a = await fresh(coordinator);
    const summary = `Unieke zin ${randomUUID()}`;
    const { caseId } = await openCase(a, tx, { summary, callerAlias: 'Umm Karim', phone: '+31 6 87654321' });
    const raw = await t.asOwner(async (db) => {
      const c = await db
        .selectFrom('cases')
        .select(['summary_enc', 'caller_id'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      const caller = await db
        .selectFrom('callers')
        .select(['alias_enc', 'phone_enc', 'phone_hmac'])
        .where('id', '=', c.caller_id)
        .executeTakeFirstOrThrow();
      const contact = await db
        .selectFrom('contacts')
        .select(['summary_enc'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      return [
        c.summary_enc,
        caller.alias_enc,
        caller.phone_enc!,
        caller.phone_hmac!,
        contact.summary_enc,
      ].map((b) => toBuffer(b).toString('latin1'));
    });
    for (const blob of raw) {
      expect(blob).not.toContain('Unieke zin');
      expect(blob).not.toContain('Umm Karim');
      expect(blob).not.toContain('87654321');
    }
  });

  it('recognises a repeat caller by phone number in any notation, without showing content', async () => {
    const a = await fresh(coordinator);
    const { caseId, reference } = await openCase(a, tx, { phone: '0612000111' });
    const res = await a.post('/api/intake/lookup', { phone: '+31 6 1200 0111' });
    expect(res.json()).toMatchObject({
      known: true,
      valid: true,
      cases: [{ id: caseId, reference, state: 'intake', counsellorName: null }],
    });
    expect(JSON.stringify(res.json())).not.toMatch(/summary|alias/i);
    expect((await a.post('/api/intake/lookup', { phone: '0612999888' })).json()).toMatchObject({
      known: false,
      valid: true,
    });
    expect((await a.post('/api/intake/lookup', { phone: '123' })).json()).toMatchObject({
      known: false,
      valid: false,
    });
    const c = await fresh(counsellor);
    expect((await c.post('/api/intake/lookup', { phone: '0612000111' })).statusCode).toBe(403);
  });

  it('flags danger as urgent and alerts every coordinator at once', async () => {
    const a = await fresh(coordinator);
    const { caseId } = await openCase(a, tx, { immediateDanger: true });
    for (const who of [coordinator, coordinator2]) {
      const work = (await (await fresh(who)).get('/api/my-work')).json<{
        alerts: { kind: string; caseId: string }[];
        urgent: { id: string }[];
      }>();
      expect(work.alerts).toContainEqual(expect.objectContaining({ kind: 'urgent_case', caseId }));
      expect(work.urgent.map((u) => u.id)).toContain(caseId);
    }
    const infoOnly = await a.post(
      '/api/intake',
      intakeBody(tx, { immediateDanger: true, outcome: 'info_only' }),
    );
    expect(infoOnly.statusCode).toBe(400);
    expect(infoOnly.json()).toMatchObject({ errors: [{ field: 'outcome', reason: 'danger_needs_case' }] });
  });

  it('ends a call as advice only, or links it to an existing case', async () => {
    const a = await fresh(coordinator);
    const info = (
      await a.post('/api/intake', intakeBody(tx, { outcome: 'info_only', phone: undefined }))
    ).json<{ caseId: string | null }>();
    expect(info.caseId).toBeNull();
    const { caseId } = await openCase(a, tx);
    const linked = (
      await a.post('/api/intake', intakeBody(tx, { outcome: 'link_case', linkCaseId: caseId }))
    ).json<{ caseId: string }>();
    expect(linked.caseId).toBe(caseId);
    const missing = await a.post('/api/intake', intakeBody(tx, { outcome: 'link_case' }));
    expect(missing.json()).toMatchObject({ errors: [{ field: 'linkCaseId' }] });
  });

  it('puts the intake call itself in the case contact log: when, how long, channel, who; once per call', async () => {
    const a = await fresh(coordinator);
    const body = intakeBody(tx, { channel: 'whatsapp', durationMinutes: 23 });
    const first = (await a.post('/api/intake', body)).json<{ caseId: string }>();
    await a.post('/api/intake', body); // a retried save adds nothing
    const log = () =>
      a.get(`/api/cases/${first.caseId}`).then((res) => res.json<{ log: Record<string, unknown>[] }>().log);
    const name = (await a.get('/api/auth/session')).json<{ user: { displayName: string } }>().user
      .displayName;
    expect(await log()).toEqual([
      {
        id: expect.any(String),
        occurredAt: t.clock.now().toISOString(),
        channel: 'whatsapp',
        durationMinutes: 23,
        withWhom: '',
        note: '',
        authorName: name,
        intake: true,
      },
    ]);

    // A repeat call linked to the case is logged too; a call without a noted length has no duration.
    t.clock.advance(60_000);
    await a.post(
      '/api/intake',
      intakeBody(tx, { outcome: 'link_case', linkCaseId: first.caseId, durationMinutes: undefined }),
    );
    const entries = await log();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ channel: 'phone', durationMinutes: null, intake: true });

    // Audited as a change to the case's log, with no content.
    const audit = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'entity', 'changed_fields'])
        .where('entity', '=', 'case_log')
        .where('entity_id', '=', entries[1]!.id as string)
        .execute(),
    );
    expect(audit).toEqual([
      {
        action: 'case.log_add',
        entity: 'case_log',
        changed_fields: ['channel', 'duration_minutes', 'occurred_at'],
      },
    ]);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const a = await fresh(coordinator);
    const before = await inOrg(
      t.deps.db,
      orgId,
      async (trx) => (await trx.selectFrom('contacts').select('id').execute()).length,
    );
    const cases = [
      [{ confidentialityExplained: false }, 'confidentialityExplained'],
      [{ phone: 'call me maybe' }, 'phone'],
      [{ categoryId: tx.byCode('intervention', 'I1') }, 'categoryId'],
      [{ channel: 'pigeon' }, 'channel'],
      [{ summary: '' }, 'summary'],
    ] as const;
    for (const [override, field] of cases) {
      const res = await a.post('/api/intake', intakeBody(tx, override));
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    const after = await inOrg(
      t.deps.db,
      orgId,
      async (trx) => (await trx.selectFrom('contacts').select('id').execute()).length,
    );
    expect(after).toBe(before);
  });

  it('keeps unfinished intakes as encrypted server-side drafts, per user', async () => {
    const a = await fresh(coordinator);
    const id = randomUUID();
    const data = { callerAlias: 'Vader', summary: 'half af' };
    expect((await a.request('PUT', `/api/intake/drafts/${id}`, { data })).statusCode).toBe(200);
    expect(
      (await a.get('/api/intake/drafts')).json<{ items: { id: string; data: unknown }[] }>().items,
    ).toContainEqual(expect.objectContaining({ id, data }));
    const other = await fresh(coordinator2);
    expect((await other.get('/api/intake/drafts')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await other.request('PUT', `/api/intake/drafts/${id}`, { data: {} })).statusCode).toBe(404);
    const raw = await t.asOwner(async (db) =>
      toBuffer(
        (
          await db
            .selectFrom('intake_drafts')
            .select('data_enc')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).data_enc,
      ),
    );
    expect(raw.toString('latin1')).not.toContain('half af');
    const a2 = await fresh(coordinator);
    await a2.post('/api/intake', intakeBody(tx, { draftId: id }));
    expect((await a2.get('/api/intake/drafts')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
