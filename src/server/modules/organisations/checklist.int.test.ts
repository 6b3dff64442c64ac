import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/checklist.schema.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

/** The admin's set-up checklist: every step follows from real records, and it goes away only when done. */
describe.each(kinds)('set-up checklist on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
  });
  afterAll(() => t.close());

  const get = async (who: SignedIn = admin) => {
    const res = await who.agent.get('/api/organisation/checklist');
    expect(res.statusCode).toBe(200);
    return res.json<Checklist>();
  };
  const done = (list: Checklist) => list.items.filter((i) => i.done).map((i) => i.key);

  it('starts with nothing done, and cannot be put away unfinished', async () => {
    const list = await get();
    expect(list.items.map((i) => i.key)).toEqual([
      'organisation',
      'staff',
      'counsellors',
      'partners',
      'consent',
    ]);
    expect(done(list)).toEqual([]);
    expect(list).toMatchObject({ allDone: false, dismissed: false });
    const res = await admin.agent.post('/api/organisation/checklist/dismiss');
    expect(res.statusCode).toBe(409);
    expect((await get()).dismissed).toBe(false);
  });

  it('ticks each step off as the real records appear, then may be dismissed (audited)', async () => {
    const a = admin.agent;
    expect((await a.patch('/api/organisation/settings', { timeZone: 'Europe/Amsterdam' })).statusCode).toBe(
      200,
    );
    expect(done(await get())).toEqual(['organisation']);

    const coord = await inviteAndActivate(t, a, 'coordinator');
    expect(done(await get())).toEqual(['organisation']); // a counsellor is still missing
    const couns = await inviteAndActivate(t, a, 'counsellor');
    expect(done(await get())).toEqual(['organisation', 'staff']);

    await makeEligible(t, coord.agent, couns.userId);
    expect(done(await get())).toContain('counsellors');

    expect(
      (await a.post('/api/partners', { name: 'Wijkteam Noord', type: 'social_district_team' })).statusCode,
    ).toBe(201);
    expect(done(await get())).toContain('partners');
    expect((await get()).allDone).toBe(false);

    const consent = await a.patch('/api/organisation/settings', {
      consent: { validMonths: 12, writtenDays: 14 },
    });
    expect(consent.statusCode).toBe(200);
    const full = await get();
    expect(full).toMatchObject({ allDone: true, dismissed: false });

    const dismissed = await a.post('/api/organisation/checklist/dismiss');
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json<Checklist>().dismissed).toBe(true);
    expect((await get()).dismissed).toBe(true);

    const officer = await inviteAndActivate(t, a, 'privacy_officer');
    const log = (await officer.agent.get('/api/audit?entity=organisation&limit=20')).json<{
      items: { action: string; actorId: string }[];
    }>();
    expect(log.items).toContainEqual(
      expect.objectContaining({ action: 'organisation.checklist_dismiss', actorId: admin.userId }),
    );
  });

  it('is the admin’s alone, and counts only the own organisation', async () => {
    for (const role of ['coordinator', 'counsellor', 'analyst', 'privacy_officer'] as const) {
      const who = await inviteAndActivate(t, admin.agent, role);
      expect((await who.agent.get('/api/organisation/checklist')).statusCode).toBe(403);
      expect((await who.agent.post('/api/organisation/checklist/dismiss')).statusCode).toBe(403);
    }
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    const zuid = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    const list = await get(zuid);
    expect(done(list)).toEqual([]);
    expect(list.dismissed).toBe(false);
  });
});
