import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { inOrg } from '../../db/database.js';
import { day, openCase, terms, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

interface Shortlist {
  candidates: { counsellorId: string }[];
  excluded: Record<string, number>;
  reach: string;
  interpreter: boolean;
  diagnosis: {
    activeCounsellors: number;
    languages: string[];
    place: { municipality: string | null; province: string | null };
    filters: { filter: string; passing: number }[];
    languageAndRegion: number;
    options: { remote: number; wide: number; interpreter: number };
  };
}

/**
 * A constructed organisation for a Tarifit-speaking caller in Utrecht: nobody passes every filter in the
 * region, and each way out finds exactly the counsellors it should.
 */
describe.each(kinds)('no match on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let tx: Terms;
  let orgId: string;
  const c: Record<string, SignedIn> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    for (const name of ['rotterdam', 'amsterdamRemote', 'utrechtDutch', 'zeistDarija', 'untrained'])
      c[name] = await inviteAndActivate(t, admin.agent, 'counsellor');
    tx = await terms(coord.agent);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
    const places = (await coord.agent.get('/api/places/municipalities')).json<{
      items: { id: string; name: string }[];
    }>().items;
    const m = (name: string) => places.find((x) => x.name === name)!.id;
    const a = coord.agent;
    const rif = [{ code: 'rif', level: 'native' as const }];
    await makeEligible(t, a, c.rotterdam!.userId, { languages: rif, homeMunicipalityId: m('Rotterdam') });
    await makeEligible(t, a, c.amsterdamRemote!.userId, {
      languages: rif,
      homeMunicipalityId: m('Amsterdam'),
      remote: true,
    });
    await makeEligible(t, a, c.utrechtDutch!.userId, { homeMunicipalityId: m('Utrecht') });
    await makeEligible(t, a, c.zeistDarija!.userId, { homeMunicipalityId: m('Zeist') });
    await makeEligible(
      t,
      a,
      c.untrained!.userId,
      { languages: rif, homeMunicipalityId: m('Utrecht') },
      false,
    );
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.6.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const tarifitCase = (a: Agent) => openCase(a, tx, { language: 'rif', municipality: 'Utrecht' });
  const list = async (a: Agent, caseId: string, query = '') =>
    (await a.get(`/api/cases/${caseId}/shortlist${query}`)).json<Shortlist>();
  const ids = (l: Shortlist) => l.candidates.map((x) => x.counsellorId).sort();

  it('says why nobody fits, per filter, with counts over the active counsellors', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    const l = await list(a, caseId);
    expect(l.candidates).toEqual([]);
    expect(l.reach).toBe('region');
    expect(l.diagnosis).toMatchObject({
      activeCounsellors: 5,
      languages: ['rif'],
      place: { municipality: 'Utrecht', province: 'Utrecht' },
      // Tarifit: Rotterdam, Amsterdam, the untrained one; region Utrecht: Utrecht, Zeist, the untrained one.
      languageAndRegion: 1,
      options: { remote: 1, wide: 2, interpreter: 2 },
    });
    const passing = Object.fromEntries(l.diagnosis.filters.map((f) => [f.filter, f.passing]));
    expect(passing).toMatchObject({ language: 3, region: 3, trained: 4, vog_valid: 5, no_conflict: 5 });
    expect(l.excluded).toMatchObject({ region: 2, language: 2, trained: 1 });
    // Counts only: nothing in the diagnosis names or identifies a counsellor.
    const text = JSON.stringify(l.diagnosis);
    for (const who of Object.values(c)) expect(text).not.toContain(who.userId);
  });

  it('widening the region finds the counsellor elsewhere; remote only adds the remote one', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    expect(ids(await list(a, caseId, '?reach=remote'))).toEqual([c.amsterdamRemote!.userId]);
    expect(ids(await list(a, caseId, '?reach=wide'))).toEqual(
      [c.rotterdam!.userId, c.amsterdamRemote!.userId].sort(),
    );
    // The offer states how far matching looked; without it the region filter still applies.
    const strict = await a.post(`/api/cases/${caseId}/offers`, { counsellorId: c.rotterdam!.userId });
    expect(strict.statusCode).toBe(400);
    expect(strict.json()).toMatchObject({ errors: [{ field: 'counsellorId', reason: 'filter_region' }] });
    const wide = await a.post(`/api/cases/${caseId}/offers`, {
      counsellorId: c.rotterdam!.userId,
      reach: 'wide',
    });
    expect(wide.statusCode).toBe(201);
    const offers = (await a.get(`/api/cases/${caseId}/offers`)).json<{
      items: { reach: string; interpreterLanguage: string | null }[];
    }>();
    expect(offers.items[0]).toMatchObject({ reach: 'wide', interpreterLanguage: null });
  });

  it('records the interpreter fallback on the offer, and the counsellor can accept it', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    const l = await list(a, caseId, '?interpreter=true');
    expect(l.interpreter).toBe(true);
    expect(ids(l)).toEqual([c.utrechtDutch!.userId, c.zeistDarija!.userId].sort());
    // Without the fallback stated, the language filter refuses the offer.
    const plain = await a.post(`/api/cases/${caseId}/offers`, { counsellorId: c.zeistDarija!.userId });
    expect(plain.json()).toMatchObject({ errors: [{ reason: 'filter_language' }] });
    const offered = await a.post(`/api/cases/${caseId}/offers`, {
      counsellorId: c.zeistDarija!.userId,
      interpreter: true,
    });
    expect(offered.statusCode).toBe(201);
    const offers = (await a.get(`/api/cases/${caseId}/offers`)).json<{
      items: { id: string; interpreterLanguage: string | null }[];
    }>();
    expect(offers.items[0]).toMatchObject({ interpreterLanguage: 'rif' });
    const z = await as(c.zeistDarija!);
    const accepted = await z.post(`/api/offers/${offers.items[0]!.id}/respond`, { accept: true });
    expect(accepted.statusCode).toBe(204);
    const detail = (await a.get(`/api/cases/${caseId}`)).json<{ counsellor: { id: string } | null }>();
    expect(detail.counsellor?.id).toBe(c.zeistDarija!.userId);
    const audit = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'offer.create')
        .where('entity_id', '=', offers.items[0]!.id)
        .executeTakeFirst(),
    );
    expect(JSON.stringify(audit?.details)).toContain('"interpreterLanguage":"rif"');
  });

  it('puts the case on the waiting list with a dated task for the coordinator, once', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    const body = { requestId: randomUUID(), dueOn: day(t, 7), title: 'Wachtlijst: opnieuw zoeken' };
    const first = await a.post(`/api/cases/${caseId}/waiting-list`, body);
    expect(first.statusCode).toBe(201);
    expect((await a.post(`/api/cases/${caseId}/waiting-list`, body)).json()).toEqual(first.json());
    const detail = (await a.get(`/api/cases/${caseId}`)).json<{
      tasks: { title: string; dueOn: string; assigneeId?: string; assignee?: { id: string } }[];
    }>();
    expect(detail.tasks).toHaveLength(1);
    expect(detail.tasks[0]).toMatchObject({ title: body.title, dueOn: body.dueOn });
    const task = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('tasks').select(['assignee_id', 'kind']).where('case_id', '=', caseId).execute(),
    );
    expect(task).toEqual([{ assignee_id: coord.userId, kind: 'follow_up' }]);

    const past = await a.post(`/api/cases/${caseId}/waiting-list`, {
      ...body,
      requestId: randomUUID(),
      dueOn: day(t, -1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ errors: [{ field: 'dueOn', reason: 'in_past' }] });
  });

  it('shows the shortlist and its counts, and the waiting list, to coordinators only', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    for (const who of [c.rotterdam!, admin]) {
      const other = await as(who);
      expect([403, 404]).toContain((await other.get(`/api/cases/${caseId}/shortlist`)).statusCode);
      const wait = await other.post(`/api/cases/${caseId}/waiting-list`, {
        requestId: randomUUID(),
        dueOn: day(t, 3),
        title: 'x',
      });
      expect([403, 404]).toContain(wait.statusCode);
    }
    const tasks = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('tasks').select('id').where('case_id', '=', caseId).execute(),
    );
    expect(tasks).toEqual([]);
  });
});
