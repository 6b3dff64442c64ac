import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { intakeBody, staffOrganisation, terms, type Staff } from '../../test/cases-fixtures.js';
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
import { findUpcomingPublicMeetings } from './activities.service.js';

const kinds = await testKinds();

interface FieldErrors {
  errors: { field: string; reason: string; message: string }[];
}

describe.each(kinds)('community activities on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let other: SignedIn;
  let otherOrgId: string;
  let ip = 0;
  const as = (who: SignedIn): Promise<Agent> => signIn(t, who, `10.25.${kind.length}.${(ip += 1) % 250}`);
  let info: string;
  let workshop: string;
  let utrecht: string;
  let planned: string;

  /** A completed training session of `courseId` on `day` for `userId`. */
  async function trained(c: Agent, courseId: string, day: string, userId: string) {
    const session = (
      await c.post('/api/training/sessions', {
        courseId,
        startsAt: `${day}T10:00:00.000Z`,
        place: 'Utrecht',
        trainer: 'SMN',
      })
    ).json<{ id: string }>();
    const res = await c.request('PUT', `/api/training/sessions/${session.id}/attendance`, {
      userId,
      attended: true,
      completed: true,
    });
    expect(res.statusCode).toBe(204);
  }

  const meeting = (over: Record<string, unknown> = {}) => ({
    typeId: info,
    title: 'Voorlichting: signalen herkennen',
    date: '2026-02-20',
    startTime: '19:00',
    endTime: '21:00',
    place: 'Buurthuis De Boog',
    municipalityId: utrecht,
    languages: ['ar', 'nl'],
    facilitatorIds: [s.couns.userId],
    audience: 'parents',
    isPublic: true,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    const c = s.coord.agent;
    const tx = (await c.get('/api/activities/types')).json<{ items: { termId: string; code: string }[] }>();
    info = tx.items.find((i) => i.code === 'info_meeting')!.termId;
    workshop = tx.items.find((i) => i.code === 'workshop_abroad')!.termId;
    const places = (await c.get('/api/places/municipalities')).json<{
      items: { id: string; name: string }[];
    }>();
    utrecht = places.items.find((p) => p.name === 'Utrecht')!.id;
    const course = (
      await c.post('/api/training/courses', {
        name: 'Voorlichting geven',
        kind: 'specialised',
        validityMonths: 12,
      })
    ).json<{ id: string }>();
    // couns2 trained in January 2025 (valid until 2026-01-10); couns trained this February.
    await trained(c, course.id, '2025-01-10', s.couns2.userId);
    await trained(c, course.id, '2026-02-01', s.couns.userId);
    const set = await c.request('PUT', `/api/activities/types/${info}/course`, { courseId: course.id });
    expect(set.statusCode).toBe(200);
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    other = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    otherOrgId = (await other.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>()
      .organisation.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('lets coordinators and admins plan, and nobody else', async () => {
    const expected = { admin: 201, coordinator: 201, counsellor: 403, analyst: 403, privacy_officer: 403 };
    const by = {
      admin: s.admin,
      coordinator: s.coord,
      counsellor: s.couns,
      analyst: s.analyst,
      privacy_officer: s.officer,
    };
    for (const [role, status] of Object.entries(expected)) {
      const a = await as(by[role as keyof typeof by]);
      const res = await a.post(
        '/api/activities',
        meeting({ title: `Voorlichting ${role}`, isPublic: false }),
      );
      expect(res.statusCode, role).toBe(status);
    }
    const list = async (who: SignedIn) =>
      (await (await as(who)).get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{
        items: unknown[];
      }>().items;
    expect((await list(s.coord)).length).toBe(2);
    expect((await (await as(s.analyst)).get('/api/activities')).statusCode).toBe(403);
    expect((await (await as(s.officer)).get('/api/activities')).statusCode).toBe(403);
  });

  it('refuses a counsellor whose required training expired before the date, saying why, and writes nothing', async () => {
    const c = await as(s.coord);
    const before = (await c.get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{ items: unknown[] }>()
      .items.length;
    const res = await c.post(
      '/api/activities',
      meeting({ facilitatorIds: [s.couns.userId, s.couns2.userId] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json<FieldErrors>();
    expect(body.errors).toEqual([
      {
        field: 'facilitatorIds.1',
        reason: 'training_expired',
        message: expect.stringContaining('training "Voorlichting geven" expired on 2026-01-10') as string,
      },
    ]);
    const after = (await c.get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{ items: unknown[] }>()
      .items.length;
    expect(after).toBe(before);
    const options = (await c.get(`/api/activities/facilitator-options?typeId=${info}&date=2026-02-20`)).json<{
      items: {
        userId: string;
        eligible: boolean;
        reason: string | null;
        expiredOn: string | null;
        course: string | null;
      }[];
    }>().items;
    expect(options.find((o) => o.userId === s.couns2.userId)).toMatchObject({
      eligible: false,
      reason: 'training_expired',
      expiredOn: '2026-01-10',
      course: 'Voorlichting geven',
    });
    expect(options.find((o) => o.userId === s.couns.userId)).toMatchObject({ eligible: true, reason: null });
    // Before couns completed it, couns had not: missing, not expired.
    const early = (await c.get(`/api/activities/facilitator-options?typeId=${info}&date=2026-01-20`)).json<{
      items: { userId: string; reason: string | null }[];
    }>().items;
    expect(early.find((o) => o.userId === s.couns.userId)?.reason).toBe('training_missing');
    // A coordinator needs no counsellor training; a type without a required course takes anyone.
    expect(
      (await c.post('/api/activities', meeting({ facilitatorIds: [s.coord2.userId], isPublic: false })))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await c.post(
          '/api/activities',
          meeting({ typeId: workshop, facilitatorIds: [s.couns2.userId], isPublic: false }),
        )
      ).statusCode,
    ).toBe(201);
    const ok = await c.post('/api/activities', meeting({ title: 'Informatiebijeenkomst in het Arabisch' }));
    expect(ok.statusCode).toBe(201);
    planned = ok.json<{ id: string }>().id;
    // Moving the date past couns's expiry (2027-02-01) is refused too.
    const moved = await c.patch(`/api/activities/${planned}`, { date: '2027-03-01' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json<FieldErrors>().errors[0]).toMatchObject({
      field: 'facilitatorIds.0',
      reason: 'training_expired',
    });
  });

  it('refuses hostile and foreign input with field errors', async () => {
    const c = await as(s.coord);
    const bad = await c.post(
      '/api/activities',
      meeting({ endTime: '18:00', title: 'x\u0000y', languages: [] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<FieldErrors>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['endTime', 'languages', 'title']);
    const published = await c.post('/api/activities', meeting({ typeId: workshop, facilitatorIds: [] }));
    expect(published.json<FieldErrors>().errors[0]).toMatchObject({
      field: 'isPublic',
      reason: 'public_info_meeting_only',
    });
    const o = await as(other);
    const otherPlaces = (await o.get('/api/places/municipalities')).json<{ items: { id: string }[] }>();
    const foreign = await c.post('/api/activities', meeting({ municipalityId: otherPlaces.items[0]!.id }));
    expect(foreign.json<FieldErrors>().errors[0]).toMatchObject({ field: 'municipalityId' });
  });

  it('shows a counsellor their own activities only, and lets them record attendance and evaluation', async () => {
    const own = await as(s.couns);
    const list = (await own.get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{
      items: { id: string }[];
      canPlan: boolean;
    }>();
    expect(list.canPlan).toBe(false);
    expect(list.items.map((i) => i.id)).toContain(planned);
    const detail = (await own.get(`/api/activities/${planned}`)).json<{
      canEdit: boolean;
      canReport: boolean;
    }>();
    expect(detail).toMatchObject({ canEdit: false, canReport: true });
    expect((await own.patch(`/api/activities/${planned}`, { title: 'Anders' })).statusCode).toBe(403);
    const report = await own.request('PUT', `/api/activities/${planned}/report`, {
      attendees: 23,
      materials: 'Folder, film',
      evaluation: 'Veel vragen over sociale media.',
    });
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ attendees: 23, evaluation: 'Veel vragen over sociale media.' });
    const sealed = await t.asOwner((db) =>
      db
        .selectFrom('activities')
        .select(['evaluation_enc'])
        .where('id', '=', planned)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(sealed.evaluation_enc!).toString('utf8')).not.toContain('sociale media');
    expect(
      (await own.post(`/api/activities/${planned}/tasks`, { title: 'Folders nabestellen' })).statusCode,
    ).toBe(201);

    const colleague = await as(s.couns2);
    const theirs = (await colleague.get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{
      items: { id: string }[];
    }>();
    expect(theirs.items.map((i) => i.id)).not.toContain(planned);
    expect((await colleague.get(`/api/activities/${planned}`)).statusCode).toBe(404);
    expect(
      (await colleague.request('PUT', `/api/activities/${planned}/report`, { attendees: 1 })).statusCode,
    ).toBe(404);
    expect((await colleague.post(`/api/activities/${planned}/tasks`, { title: 'x' })).statusCode).toBe(404);
    expect((await (await as(s.analyst)).get(`/api/activities/${planned}`)).statusCode).toBe(403);
  });

  it('keeps other organisations out', async () => {
    const o = await as(other);
    expect((await o.get(`/api/activities/${planned}`)).statusCode).toBe(404);
    expect((await o.patch(`/api/activities/${planned}`, { title: 'Overgenomen' })).statusCode).toBe(404);
    expect((await o.request('PUT', `/api/activities/${planned}/report`, { attendees: 0 })).statusCode).toBe(
      404,
    );
    expect(
      (await o.request('PUT', `/api/activities/types/${info}/course`, { courseId: null })).statusCode,
    ).toBe(404);
    expect((await o.get(`/api/activities/hours/${s.couns.userId}`)).statusCode).toBe(404);
    const theirs = (await o.get('/api/activities?from=2026-01-01&to=2026-12-31')).json<{
      items: unknown[];
    }>();
    expect(theirs.items).toEqual([]);
  });

  it('refuses attendance before the activity took place', async () => {
    const c = await as(s.coord);
    const future = (await c.post('/api/activities', meeting({ date: '2026-04-10', isPublic: true }))).json<{
      id: string;
    }>().id;
    const res = await c.request('PUT', `/api/activities/${future}/report`, { attendees: 12 });
    expect(res.statusCode).toBe(400);
    expect(res.json<FieldErrors>().errors[0]).toMatchObject({
      field: 'attendees',
      reason: 'not_yet_held',
    });
  });

  it('counts the requests that named the activity, below the threshold as suppressed', async () => {
    const c = await as(s.coord);
    const tx = await terms(c);
    const follow = async () => {
      const res = await c.post(
        '/api/intake',
        intakeBody(tx, { outcome: 'info_only', sourceActivityId: planned }),
      );
      expect(res.statusCode).toBe(200);
      return res.json<{ contactId: string }>().contactId;
    };
    const contactId = await follow();
    const stored = await inOrg(t.deps.db, s.orgId, (trx) =>
      trx
        .selectFrom('contacts')
        .select('source_activity_id')
        .where('id', '=', contactId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.source_activity_id).toBe(planned);
    for (let i = 0; i < 3; i++) await follow();
    const count = async () =>
      (await c.get(`/api/activities/${planned}`)).json<{ requestsFollowed: unknown }>().requestsFollowed;
    expect(await count()).toEqual({ value: null, suppressed: true, threshold: 5 });
    await follow();
    expect(await count()).toEqual({ value: 5, suppressed: false, threshold: 5 });
    // The organisation's threshold decides, as in reports.
    expect(
      (
        await (
          await as(s.admin)
        ).request('PUT', '/api/organisation/report-settings', { threshold: 6, roundToFive: false })
      ).statusCode,
    ).toBe(200);
    expect(await count()).toEqual({ value: null, suppressed: true, threshold: 6 });

    const o = await as(await inviteAndActivate(t, other.agent, 'coordinator', 'coord@zuid.example'));
    const foreign = await o.post(
      '/api/intake',
      intakeBody(await terms(o), { outcome: 'info_only', sourceActivityId: planned }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<FieldErrors>().errors[0]).toMatchObject({
      field: 'sourceActivityId',
      reason: 'unknown_activity',
    });
  });

  it("adds up a facilitator's hours, for them and for planners only", async () => {
    const own = await as(s.couns);
    const hours = (
      await own.get(`/api/activities/hours/${s.couns.userId}?from=2026-01-01&to=2026-12-31`)
    ).json<unknown>();
    // Two-hour meetings facilitated by couns: the admin's and coordinator's, "Informatiebijeenkomst" and the April one.
    expect(hours).toMatchObject({ activities: 4, minutes: 480 });
    expect((await own.get(`/api/activities/hours/${s.couns2.userId}`)).statusCode).toBe(404);
    expect((await (await as(s.coord)).get(`/api/activities/hours/${s.couns2.userId}`)).statusCode).toBe(200);
  });

  it('keeps a volunteer record per year: facilitated hours and training, for them and for planners only', async () => {
    interface Year {
      year: number;
      activities: number;
      facilitatedMinutes: number;
      supportMinutes: number;
      trainingSessions: number;
      coursesCompleted: number;
    }
    const own = await as(s.couns);
    const mine = await own.get(`/api/activities/volunteer-record/${s.couns.userId}`);
    expect(mine.statusCode).toBe(200);
    const years = mine.json<{ years: Year[] }>().years;
    // The clock stands at 2 March 2026: couns facilitated three two-hour meetings so far (the April one is
    // still to come) and completed the course this year.
    expect(years.map((y) => y.year)).toEqual([2026]);
    expect(years[0]).toMatchObject({
      activities: 3,
      facilitatedMinutes: 360,
      trainingSessions: 1,
      coursesCompleted: 1,
    });
    // couns2 trained in 2025: that year appears too, newest first; the cancelled or foreign never count.
    const coord = await as(s.coord);
    const theirs = (await coord.get(`/api/activities/volunteer-record/${s.couns2.userId}`)).json<{
      name: string;
      years: Year[];
    }>();
    expect(theirs.years.map((y) => y.year)).toEqual([2026, 2025]);
    expect(theirs.years[1]).toMatchObject({ trainingSessions: 1, coursesCompleted: 1, activities: 0 });
    // A colleague's record is hidden from a counsellor; roles without access are refused; another
    // organisation's person is unknown.
    expect((await own.get(`/api/activities/volunteer-record/${s.couns2.userId}`)).statusCode).toBe(404);
    expect(
      (await (await as(s.analyst)).get(`/api/activities/volunteer-record/${s.couns.userId}`)).statusCode,
    ).toBe(403);
    expect(
      (await (await as(other)).get(`/api/activities/volunteer-record/${s.couns.userId}`)).statusCode,
    ).toBe(404);
  });

  it('publishes only upcoming public information meetings, and only what may be published', async () => {
    const items = await inOrg(t.deps.db, s.orgId, (trx) =>
      findUpcomingPublicMeetings(trx, s.orgId, '2026-03-01'),
    );
    expect(items).toEqual([
      {
        title: 'Voorlichting: signalen herkennen',
        date: '2026-04-10',
        startTime: '19:00',
        municipality: 'Utrecht',
        languages: ['ar', 'nl'],
      },
    ]);
    const none = await inOrg(t.deps.db, otherOrgId, (trx) =>
      findUpcomingPublicMeetings(trx, s.orgId, '2026-01-01'),
    );
    expect(none).toEqual([]);
  });

  it('audits every change', async () => {
    const po = await as(s.officer);
    const audit = (await po.get(`/api/audit?entity=activity&entityId=${planned}`)).json<{
      items: { action: string; changedFields: string[] }[];
    }>();
    expect(audit.items.map((i) => i.action).sort()).toEqual(['activity.create', 'activity.report']);
    // A plan names its fields by the codes an edit writes, which the audit log has labels for.
    const created = audit.items.find((i) => i.action === 'activity.create')!.changedFields;
    expect(created).toEqual(expect.arrayContaining(['type_id', 'held_on', 'start_time', 'facilitators']));
    expect(created).not.toContain('facilitatorIds');
    const types = (await po.get(`/api/audit?entity=taxonomy_term&entityId=${info}`)).json<{
      items: { action: string }[];
    }>();
    expect(types.items.map((i) => i.action)).toEqual(['activity.type_course']);
  });
});
