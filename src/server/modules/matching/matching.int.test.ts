import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKinds } from '../../test/databases.js';
import { openCase, terms, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';

const kinds = await testKinds();

interface Shortlist {
  candidates: {
    counsellorId: string;
    score: number;
    parts: { code: string; params: Record<string, unknown> }[];
  }[];
  excluded: Record<string, number>;
  nextBest: { counsellorId: string; fails: string; score: number }[];
}

describe.each(kinds)('matching on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let tx: Terms;
  const c: Record<string, SignedIn> = {};
  let municipalities: { id: string; name: string }[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    for (const name of [
      'fatima',
      'karim',
      'noTraining',
      'vogExpired',
      'full',
      'away',
      'dutchOnly',
      'paused',
    ]) {
      c[name] = await inviteAndActivate(t, admin.agent, 'counsellor');
    }
    tx = await terms(coord.agent);
    municipalities = (await coord.agent.get('/api/places/municipalities')).json<{
      items: { id: string; name: string }[];
    }>().items;
    const m = (name: string) => municipalities.find((x) => x.name === name)!.id;
    const a = coord.agent;
    await makeEligible(t, a, c.fatima!.userId, {
      gender: 'female',
      homeMunicipalityId: m('Utrecht'),
      languages: [
        { code: 'rif', level: 'native' },
        { code: 'nl', level: 'good' },
      ],
    });
    // Background is self-declared: Fatima sets it herself; a coordinator may not.
    const bg = { backgroundIds: [tx.byCode('background', 'moroccan_dutch')] };
    expect((await a.patch(`/api/counsellors/${c.fatima!.userId}`, bg)).json()).toMatchObject({
      errors: [{ reason: 'self_declared' }],
    });
    expect((await c.fatima!.agent.patch(`/api/counsellors/${c.fatima!.userId}`, bg)).statusCode).toBe(200);
    await makeEligible(t, a, c.karim!.userId, {
      gender: 'male',
      homeMunicipalityId: m('Zeist'),
      languages: [{ code: 'rif', level: 'good' }],
    });
    await makeEligible(t, a, c.noTraining!.userId, { languages: [{ code: 'rif', level: 'good' }] }, false);
    await makeEligible(t, a, c.vogExpired!.userId, {
      languages: [{ code: 'rif', level: 'good' }],
      vogExpiresOn: '2020-01-01',
      vogIssuedOn: '2017-01-01',
    });
    await makeEligible(t, a, c.full!.userId, {
      languages: [{ code: 'rif', level: 'good' }],
      maxActiveCases: 0,
    });
    await makeEligible(t, a, c.away!.userId, {
      languages: [{ code: 'rif', level: 'good' }],
      homeMunicipalityId: m('Utrecht'),
    });
    const today = t.clock.now().toISOString().slice(0, 10);
    await a.post(`/api/counsellors/${c.away!.userId}/absences`, {
      fromDate: today,
      toDate: today,
      note: 'vakantie',
    });
    await makeEligible(t, a, c.dutchOnly!.userId, { languages: [{ code: 'nl', level: 'native' }] });
    await makeEligible(t, a, c.paused!.userId, {
      languages: [{ code: 'rif', level: 'good' }],
      status: 'paused',
    });
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const tarifitCase = (a: Agent) =>
    openCase(a, tx, {
      language: 'rif',
      municipality: 'Utrecht',
      preferences: {
        counsellorGender: 'female',
        backgroundId: tx.byCode('background', 'moroccan_dutch'),
        language: 'rif',
      },
    });

  it('shortlists only counsellors who pass every hard filter, with reasons and exclusion counts', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    expect(list.candidates.map((x) => x.counsellorId)).toEqual([c.fatima!.userId, c.karim!.userId]);
    expect(list.excluded).toMatchObject({
      trained: 1,
      vog_valid: 1,
      capacity: 1,
      available: 1,
      language: 1,
      active: 1,
    });
    const codes = list.candidates[0]!.parts.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'speaks_language',
        'preferred_language',
        'preferred_gender',
        'preferred_background',
        'same_municipality',
        'capacity',
      ]),
    );
    expect(list.candidates[1]!.parts.map((p) => p.code)).toContain('same_province');
    // The stated background is scored from the sealed values: Fatima declared it, Karim declared none.
    expect(list.candidates[0]!.parts.find((p) => p.code === 'preferred_background')?.params).toMatchObject({
      backgroundId: tx.byCode('background', 'moroccan_dutch'),
    });
    expect(list.candidates[1]!.parts.map((p) => p.code)).not.toContain('preferred_background');
    // Fewer than five pass, so the counsellors held back only by availability or capacity are suggested,
    // below the shortlist: the absent one matches better than Karim, so is not shown as "next best".
    expect(list.nextBest.map((n) => [n.counsellorId, n.fails])).toEqual([[c.full!.userId, 'capacity']]);
    const floor = Math.min(...list.candidates.map((x) => x.score));
    expect(list.nextBest.every((n) => n.score <= floor)).toBe(true);
  });

  it('says which filter removed everyone and suggests next-best options', async () => {
    const a = await as(coord);
    const { caseId } = await openCase(a, tx, {
      language: 'so',
      municipality: 'Utrecht',
      phone: '0612777666',
    });
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    expect(list.candidates).toEqual([]);
    expect(list.excluded.language).toBeGreaterThan(0);
    expect(list.nextBest).toEqual([]);
  });

  it('offers, lets the counsellor accept, and assigns the case', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    expect((await a.post(`/api/cases/${caseId}/offers`, { counsellorId: c.fatima!.userId })).statusCode).toBe(
      201,
    );
    const f = await as(c.fatima!);
    const offers = (await f.get('/api/offers')).json<{
      items: { id: string; caseId: string; callerAlias: string }[];
    }>();
    const offer = offers.items.find((o) => o.caseId === caseId)!;
    expect(offer.callerAlias).toBe('Moeder van Y.');
    expect((await f.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await f.post(`/api/offers/${offer.id}/respond`, { accept: true })).statusCode).toBe(204);
    const detail = (await f.get(`/api/cases/${caseId}`)).json<{
      state: string;
      counsellor: { id: string };
    }>();
    expect(detail).toMatchObject({ state: 'active', counsellor: { id: c.fatima!.userId } });
    const other = await as(c.karim!);
    const stolen = await other.post(`/api/offers/${offer.id}/respond`, { accept: true });
    expect(stolen.statusCode).toBe(404);
  });

  it('refuses to offer or assign to someone who fails a hard filter (no override)', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    for (const who of ['noTraining', 'vogExpired', 'away']) {
      const res = await a.post(`/api/cases/${caseId}/offers`, {
        counsellorId: c[who]!.userId,
        override: true,
      });
      expect(res.statusCode, who).toBe(400);
      expect(res.json()).toMatchObject({
        errors: [{ field: 'counsellorId', reason: expect.stringMatching(/^filter_/) }],
      });
      expect(
        (await a.post(`/api/cases/${caseId}/assign`, { counsellorId: c[who]!.userId })).statusCode,
        who,
      ).toBe(400);
    }
  });

  it('keeps a counsellor who declares a conflict of interest out of that case', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    await a.post(`/api/cases/${caseId}/offers`, { counsellorId: c.karim!.userId });
    const k = await as(c.karim!);
    const offer = (await k.get('/api/offers'))
      .json<{ items: { id: string; caseId: string }[] }>()
      .items.find((o) => o.caseId === caseId)!;
    expect(
      (
        await k.post(`/api/offers/${offer.id}/respond`, {
          accept: false,
          reason: 'conflict_of_interest',
          note: 'ken de familie',
        })
      ).statusCode,
    ).toBe(204);
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    expect(list.candidates.map((x) => x.counsellorId)).not.toContain(c.karim!.userId);
    expect(list.excluded.no_conflict).toBe(1);
    const history = (await a.get(`/api/cases/${caseId}/offers`)).json<{
      items: { status: string; declineReason: string }[];
    }>();
    expect(history.items[0]).toMatchObject({
      status: 'declined',
      declineReason: 'conflict_of_interest',
      declineNote: 'ken de familie',
    });
  });

  it('escalates an unanswered offer to the coordinators after the time limit', async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    await a.post(`/api/cases/${caseId}/offers`, { counsellorId: c.karim!.userId });
    await runDueJobs(t.deps, jobHandlers, 'w');
    t.clock.advance(24 * 3_600_000 + 1000);
    while ((await runDueJobs(t.deps, jobHandlers, 'w')) > 0) {
      /* drain */
    }
    const again = await as(coord);
    const work = (await again.get('/api/my-work')).json<{ alerts: { kind: string; caseId: string }[] }>();
    expect(work.alerts).toContainEqual(expect.objectContaining({ kind: 'offer_expired', caseId }));
    const history = (await again.get(`/api/cases/${caseId}/offers`)).json<{
      items: { status: string }[];
    }>();
    expect(history.items[0]!.status).toBe('expired');
    const k = await as(c.karim!);
    expect(
      (await k.get('/api/offers')).json<{ items: { caseId: string }[] }>().items.map((o) => o.caseId),
    ).not.toContain(caseId);
  });

  it('lets a counsellor edit only self-service fields of their own profile', async () => {
    const f = await as(c.fatima!);
    const own = await f.patch(`/api/counsellors/${c.fatima!.userId}`, {
      languages: [
        { code: 'rif', level: 'native' },
        { code: 'nl', level: 'native' },
        { code: 'fr', level: 'basic' },
      ],
    });
    expect(own.statusCode).toBe(200);
    const status = await f.patch(`/api/counsellors/${c.fatima!.userId}`, { maxActiveCases: 20 });
    expect(status.statusCode).toBe(403);
    expect((await f.get(`/api/counsellors/${c.karim!.userId}`)).statusCode).toBe(404);
    expect((await f.get('/api/counsellors')).statusCode).toBe(403);
    expect((await (await as(admin)).get('/api/counsellors')).statusCode).toBe(200);
  });

  it('shows who needs which training, and a counsellor their own trainings', async () => {
    const a = await as(coord);
    const overview = (await a.get('/api/training')).json<{ needs: { userId: string; need: string }[] }>();
    expect(overview.needs).toContainEqual(
      expect.objectContaining({ userId: c.noTraining!.userId, need: 'basic_missing' }),
    );
    expect(overview.needs.map((n) => n.userId)).not.toContain(c.fatima!.userId);
    const mine = (await (await as(c.fatima!)).get('/api/training/mine')).json<{
      trainedUntil: string;
      completed: unknown[];
    }>();
    expect(mine.completed).toHaveLength(1);
    expect(mine.trainedUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await (await as(c.fatima!)).get('/api/training')).statusCode).toBe(403);
  });

  it('lets the admin see and tune the weights, which change the ranking', async () => {
    const ad = await as(admin);
    const w = (await ad.get('/api/matching/weights')).json<Record<string, number>>();
    expect(w).toMatchObject({ sameMunicipality: 30 });
    const a = await as(coord);
    expect((await a.request('PUT', '/api/matching/weights', w)).statusCode).toBe(403);
    const tuned = {
      ...w,
      preferredGender: 0,
      preferredBackground: 0,
      preferredLanguage: 0,
      sameMunicipality: 0,
      sameProvince: 100,
    };
    expect((await ad.request('PUT', '/api/matching/weights', tuned)).statusCode).toBe(200);
    const { caseId } = await tarifitCase(a);
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    expect(list.candidates[0]!.counsellorId).toBe(c.karim!.userId);
  });

  it('counts a counsellor who serves the case municipality from elsewhere (serves_area)', async () => {
    const a = await as(coord);
    const m = (name: string) => municipalities.find((x) => x.name === name)!.id;
    await a.patch(`/api/counsellors/${c.karim!.userId}`, {
      homeMunicipalityId: m('Amsterdam'),
      servesMunicipalityIds: [m('Utrecht')],
    });
    const { caseId } = await tarifitCase(a);
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    const karim = list.candidates.find((x) => x.counsellorId === c.karim!.userId)!;
    expect(karim.parts.map((p) => p.code)).toContain('serves_area');
  });

  it('refuses to accept an offer once the case was closed or given to someone else', async () => {
    const a = await as(coord);
    const first = await tarifitCase(a);
    await a.post(`/api/cases/${first.caseId}/offers`, { counsellorId: c.karim!.userId });
    await a.post(`/api/cases/${first.caseId}/transition`, {
      to: 'closed',
      closureId: tx.byCode('closure', 'out_of_scope'),
    });
    const k = await as(c.karim!);
    const pending = (await k.get('/api/offers'))
      .json<{ items: { caseId: string }[] }>()
      .items.map((o) => o.caseId);
    expect(pending).not.toContain(first.caseId);
    const history = (await a.get(`/api/cases/${first.caseId}/offers`)).json<{
      items: { id: string; status: string }[];
    }>();
    expect(history.items[0]!.status).toBe('withdrawn');
    expect((await k.post(`/api/offers/${history.items[0]!.id}/respond`, { accept: true })).statusCode).toBe(
      409,
    );
    expect((await a.get(`/api/cases/${first.caseId}`)).json<{ state: string }>().state).toBe('closed');

    const second = await tarifitCase(a);
    await a.post(`/api/cases/${second.caseId}/offers`, { counsellorId: c.karim!.userId });
    expect(
      (await a.post(`/api/cases/${second.caseId}/assign`, { counsellorId: c.fatima!.userId })).statusCode,
    ).toBe(204);
    const offer = (await a.get(`/api/cases/${second.caseId}/offers`))
      .json<{
        items: { id: string; status: string }[];
      }>()
      .items.find((o) => o.status === 'withdrawn')!;
    expect((await k.post(`/api/offers/${offer.id}/respond`, { accept: true })).statusCode).toBe(409);
    expect(
      (await a.get(`/api/cases/${second.caseId}`)).json<{ counsellor: { id: string } }>().counsellor.id,
    ).toBe(c.fatima!.userId);
  });

  it("hands open tasks to the new counsellor on reassignment, and never shows another case's task titles", async () => {
    const a = await as(coord);
    const { caseId } = await tarifitCase(a);
    await a.post(`/api/cases/${caseId}/assign`, { counsellorId: c.fatima!.userId });
    const f = await as(c.fatima!);
    const due = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refused = await f.post(`/api/cases/${caseId}/tasks`, {
      title: 'Geheime notitie',
      dueOn: due,
      assigneeId: c.karim!.userId,
    });
    expect(refused.json()).toMatchObject({ errors: [{ field: 'assigneeId', reason: 'not_on_case' }] });
    await f.post(`/api/cases/${caseId}/tasks`, { title: 'Moeder terugbellen', dueOn: due });
    await a.post(`/api/cases/${caseId}/assign`, { counsellorId: c.karim!.userId });
    const fWork = (await (await as(c.fatima!)).get('/api/my-work')).json<{ tasks: { title: string }[] }>();
    expect(fWork.tasks.map((x) => x.title)).not.toContain('Moeder terugbellen');
    const kWork = (await (await as(c.karim!)).get('/api/my-work')).json<{ tasks: { title: string }[] }>();
    expect(kWork.tasks.map((x) => x.title)).toContain('Moeder terugbellen');
  });
});
