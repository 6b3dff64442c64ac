import type { CounsellorProfileUpdate } from '../../shared/counsellors.schema.js';
import type { Agent, TestApp } from './harness.js';

const WEEKDAYS = {
  mon: [['09:00', '17:00']],
  tue: [],
  wed: [['18:00', '21:00']],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};
const basicSessions = new WeakMap<TestApp, Promise<string>>();

function dayOffset(t: TestApp, days: number): string {
  return new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** One basic-training session per test app, created by the coordinator. */
function basicSession(t: TestApp, coord: Agent): Promise<string> {
  let s = basicSessions.get(t);
  if (!s) {
    s = (async () => {
      const course = (
        await coord.post('/api/training/courses', {
          name: 'Basistraining vertrouwenspersoon',
          kind: 'basic',
          validityMonths: 24,
        })
      ).json<{ id: string }>();
      const session = await coord.post('/api/training/sessions', {
        courseId: course.id,
        startsAt: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
        place: 'Utrecht',
        trainer: 'SMN',
      });
      return session.json<{ id: string }>().id;
    })();
    basicSessions.set(t, s);
  }
  return s;
}

/**
 * Makes a counsellor pass every hard filter of matching: active, basic training completed, valid VOG,
 * capacity, availability, and languages (Dutch and Darija) — through the real API, as a coordinator would.
 */
export async function makeEligible(
  t: TestApp,
  coord: Agent,
  userId: string,
  over: CounsellorProfileUpdate = {},
  trained = true,
): Promise<void> {
  const res = await coord.patch(`/api/counsellors/${userId}`, {
    status: 'active',
    gender: 'female',
    languages: [
      { code: 'nl', level: 'native' },
      { code: 'ary', level: 'good' },
    ],
    availability: WEEKDAYS,
    vogIssuedOn: dayOffset(t, -100),
    vogExpiresOn: dayOffset(t, 900),
    maxActiveCases: 4,
    ...over,
  });
  if (res.statusCode !== 200) throw new Error(`profile failed: ${res.body}`);
  if (trained) {
    const session = await basicSession(t, coord);
    const att = await coord.request('PUT', `/api/training/sessions/${session}/attendance`, {
      userId,
      attended: true,
      completed: true,
    });
    if (att.statusCode !== 204) throw new Error(`attendance failed: ${att.body}`);
  }
}
