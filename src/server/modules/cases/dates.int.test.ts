import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralSubjectStatuses } from '../../db/migrations/0014_dates_and_statuses.js';
import { openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();

/** Issue 14: "today" is the organisation's day, validity periods clamp, statuses are factual. */
describe.each(kinds)('dates and statuses on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let couns: SignedIn;
  let couns2: SignedIn;
  let tx: Terms;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ admin, coord, couns, couns2, tx } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
  }, 300_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  it('keeps the time zone as an admin setting, validated, and writes nothing when it is refused', async () => {
    const ad = await as(admin);
    const before = (await ad.get('/api/organisation/settings')).json<Record<string, unknown>>();
    expect(before.timeZone).toBe('Europe/Amsterdam');
    for (const timeZone of ['Europe/Atlantis', '+01:00', 'CET+1', '']) {
      const res = await ad.patch('/api/organisation/settings', {
        timeZone,
        consent: { validMonths: 6, writtenDays: 7 },
      });
      expect(res.statusCode, timeZone).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        errors: expect.arrayContaining([expect.objectContaining({ field: 'timeZone' })]),
      });
    }
    expect((await ad.get('/api/organisation/settings')).json()).toEqual(before);
    const c = await as(coord);
    expect((await c.patch('/api/organisation/settings', { timeZone: 'UTC' })).statusCode).toBe(403);
    const ok = await ad.patch('/api/organisation/settings', { timeZone: 'Europe/Istanbul' });
    expect(ok.json()).toMatchObject({ timeZone: 'Europe/Istanbul' });
    // Every role's browser learns the zone with its session, so its "today" is the helpline's.
    const session = (await c.get('/api/auth/session')).json<{ organisation: { timeZone: string } }>();
    expect(session.organisation.timeZone).toBe('Europe/Istanbul');
    expect((await ad.patch('/api/organisation/settings', { timeZone: 'Europe/Amsterdam' })).statusCode).toBe(
      200,
    );
  });

  it('at 00:30 in Amsterdam it is already the next day: overdue tasks and the opened-on filter', async () => {
    // 23:30 UTC on 28 March 2026 is 00:30 on 29 March in Amsterdam (the night clocks go forward).
    t.clock.set(new Date('2026-03-28T23:30:00Z'));
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    const k = await as(couns);
    const task = await k.post(`/api/cases/${caseId}/tasks`, {
      title: 'Moeder terugbellen',
      dueOn: '2026-03-28',
    });
    expect(task.statusCode).toBe(201);
    const overdue = async () =>
      (await (await as(couns)).get('/api/my-work'))
        .json<{
          tasks: { title: string; overdue: boolean }[];
        }>()
        .tasks.find((x) => x.title === 'Moeder terugbellen')!.overdue;
    expect(await overdue()).toBe(true);

    const opened = async (day: string) =>
      (await (await as(coord)).get(`/api/cases?from=${day}&to=${day}`))
        .json<{
          items: { id: string }[];
        }>()
        .items.map((x) => x.id);
    expect(await opened('2026-03-29')).toContain(caseId);
    expect(await opened('2026-03-28')).not.toContain(caseId);

    // The setting decides: in UTC it is still the 28th.
    const ad = await as(admin);
    await ad.patch('/api/organisation/settings', { timeZone: 'UTC' });
    expect(await overdue()).toBe(false);
    expect(await opened('2026-03-28')).toContain(caseId);
    await ad.patch('/api/organisation/settings', { timeZone: 'Europe/Amsterdam' });
  });

  it('a training on 31 January (local) valid for one month runs to 28 February, not into March', async () => {
    const c = await as(coord);
    await makeEligible(t, c, couns2.userId, {}, false);
    const course = (
      await c.post('/api/training/courses', { name: 'Basis kort', kind: 'basic', validityMonths: 1 })
    ).json<{ id: string }>();
    // 00:30 on 31 January in Amsterdam; in UTC still the 30th.
    const session = (
      await c.post('/api/training/sessions', {
        courseId: course.id,
        startsAt: '2026-01-30T23:30:00Z',
        place: 'Utrecht',
        trainer: 'SMN',
      })
    ).json<{ id: string }>();
    const att = await c.request('PUT', `/api/training/sessions/${session.id}/attendance`, {
      userId: couns2.userId,
      attended: true,
      completed: true,
    });
    expect(att.statusCode).toBe(204);
    const profile = (await c.get(`/api/counsellors/${couns2.userId}`)).json<{ trainedUntil: string }>();
    expect(profile.trainedUntil).toBe('2026-02-28');
  });

  it('refuses the judgement status "signs of radicalising" and migrates old rows to "concerns reported"', async () => {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    const subject = (
      await c.post(`/api/cases/${caseId}/subjects`, {
        alias: 'Y.',
        relationId: tx.byCode('relation', 'sibling'),
        ageBand: '16_17',
        gender: 'male',
        municipality: 'Utrecht',
      })
    ).json<{ id: string }>();
    const post = (status: string) =>
      c.post(`/api/cases/${caseId}/status-events`, {
        subjectId: subject.id,
        status,
        occurredOn: '2026-03-01',
      });
    const refused = await post('signs_of_radicalising');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'status' })] });
    expect((await post('concerns_reported')).statusCode).toBe(201);

    // A row written before the migration: the database itself refuses the old value now …
    await t.asOwner(async (db) => {
      await expect(
        sql`update subject_status_events set status = 'signs_of_radicalising' where case_id = ${caseId}`.execute(
          db,
        ),
      ).rejects.toThrow(/subject_status_events_status_check/);
      // … so put the database back as it was before 0014, with an old row, and run the migration step.
      await sql`alter table subject_status_events drop constraint subject_status_events_status_check`.execute(
        db,
      );
      await sql`update subject_status_events set status = 'signs_of_radicalising' where case_id = ${caseId}`.execute(
        db,
      );
      await neutralSubjectStatuses(db as never);
    });
    const detail = (await (await as(coord)).get(`/api/cases/${caseId}`)).json<{
      subjects: { statuses?: { status: string }[] }[];
      statusEvents?: { status: string }[];
    }>();
    expect(JSON.stringify(detail)).not.toContain('signs_of_radicalising');
    expect(JSON.stringify(detail)).toContain('concerns_reported');
  }, 240_000); // reopening the embedded database as owner is slow on a busy machine
});
