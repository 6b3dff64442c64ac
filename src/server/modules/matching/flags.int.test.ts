import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, type Reach, type Shortlist } from '../../../shared/matching.schema.js';
import { inOrg } from '../../db/database.js';
import { openCase, terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type Agent,
  type TestApp,
} from '../../test/harness.js';
import { candidateFlags, findCaseNeeds, listCandidates } from './matching.repository.js';
import { flagsOf, shortlist, toMask, type CaseNeeds } from './matching.score.js';

const kinds = await testKinds();

/**
 * The shortlist counts the whole organisation by flags computed in SQL (`candidateFlags`) and scores only the
 * counsellors it can list. Those flags must be exactly what `flagsOf` computes from the full facts, which the
 * offer check uses: else a coordinator would be told "nobody passes" about someone an offer accepts, or the
 * reverse. Both are compared here over counsellors built to hit every edge (no place, only a served area or
 * province, no languages, full, away, untrained, expired, in conflict, remote) and several kinds of case.
 */
describe.each(kinds)('shortlist flags from the database on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let caseId: string;
  let coordinator: Agent;
  const today = () => t.clock.now().toISOString().slice(0, 10);
  const shift = (days: number) =>
    new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
  let place: (name: string) => { id: string; province: string };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    const coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    coordinator = coord.agent;
    const session = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
    orgId = session.organisation.id;
    ({ caseId } = await openCase(coord.agent, await terms(coord.agent), {
      language: 'rif',
      municipality: 'Utrecht',
    }));
    const municipalities = await t.asOwner((db) =>
      db
        .selectFrom('municipalities')
        .select(['id', 'name', 'province'])
        .where('org_id', '=', orgId)
        .execute(),
    );
    place = (name) => municipalities.find((m) => m.name === name)!;
    const homes = [place('Utrecht').id, place('Zeist').id, place('Rotterdam').id, null];
    const serves = [[], [place('Utrecht').id], [place('Amsterdam').id]];
    const provinces = [[], ['Utrecht'], ['Zuid-Holland']];
    const languages = [['nl'], ['nl', 'rif'], ['ary'], [], ['tr', 'nl']];
    const vog = [shift(300), shift(-3), null];
    const now = t.clock.now();
    const ids = Array.from({ length: 72 }, () => randomUUID());
    await t.asOwner(async (db) => {
      await db
        .insertInto('users')
        .values(
          ids.map((id, i) => ({
            id,
            org_id: orgId,
            email: `flags${i}@noord.example`,
            display_name: `Counsellor ${i}`,
            role: 'counsellor' as const,
            status: 'active' as const,
            language: 'nl' as const,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await db
        .insertInto('counsellor_profiles')
        .values(
          ids.map((id, i) => ({
            user_id: id,
            org_id: orgId,
            status: i % 7 === 3 ? ('paused' as const) : ('active' as const),
            gender: i % 2 ? ('female' as const) : ('male' as const),
            home_municipality_id: homes[i % homes.length]!,
            serves_municipality_ids: serves[Math.floor(i / 4) % serves.length]!,
            serves_provinces: provinces[Math.floor(i / 12) % provinces.length]!,
            remote: i % 5 === 0,
            max_active_cases: i % 6 === 1 ? 0 : 1 + (i % 3),
            availability: JSON.stringify(
              i % 9 === 4
                ? { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
                : { mon: [['18:00', '21:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
            ),
            vog_issued_on: vog[i % 3] ? shift(-400) : null,
            vog_expires_on: vog[i % 3]!,
            language_codes: languages[i % languages.length]!,
            updated_at: now,
          })),
        )
        .execute();
      const courseId = randomUUID();
      const sessionId = randomUUID();
      await db
        .insertInto('courses')
        .values({
          id: courseId,
          org_id: orgId,
          name: 'Basis',
          kind: 'basic',
          validity_months: 24,
          created_at: now,
        })
        .execute();
      await db
        .insertInto('training_sessions')
        .values({
          id: sessionId,
          org_id: orgId,
          course_id: courseId,
          starts_at: now,
          place: 'Utrecht',
          trainer: 'Test',
          created_at: now,
        })
        .execute();
      await db
        .insertInto('training_attendance')
        .values(
          ids
            .filter((_, i) => i % 8 !== 2)
            .map((id, i) => ({
              org_id: orgId,
              session_id: sessionId,
              user_id: id,
              attended: true,
              completed_on: shift(-10),
              expires_on: i % 11 === 5 ? shift(-1) : shift(500),
            })),
        )
        .execute();
      await db
        .insertInto('counsellor_absences')
        .values(
          ids
            .filter((_, i) => i % 10 === 6)
            .map((id) => ({
              id: randomUUID(),
              org_id: orgId,
              user_id: id,
              from_date: shift(-1),
              to_date: shift(2),
            })),
        )
        .execute();
      await db
        .insertInto('case_conflicts')
        .values(
          ids
            .filter((_, i) => i % 13 === 7)
            .map((id) => ({
              id: randomUUID(),
              org_id: orgId,
              case_id: caseId,
              user_id: id,
              created_at: now,
            })),
        )
        .execute();
      // A pending offer holds a place: counsellors with room for one are then full.
      await db
        .insertInto('case_offers')
        .values(
          ids
            .filter((_, i) => i % 4 === 1)
            .map((id) => ({
              id: randomUUID(),
              org_id: orgId,
              case_id: caseId,
              counsellor_id: id,
              offered_by: id,
              status: 'pending',
              created_at: now,
              expires_at: new Date(now.getTime() + 86_400_000),
              reach: 'region' as const,
              interpreter_language: null,
            })),
        )
        .execute();
    });
  });
  afterAll(() => t.close());

  const cases = (): [string, Pick<CaseNeeds, 'languages' | 'municipalityId' | 'province'>][] => [
    ['Tarifit in Utrecht', { languages: ['rif'], municipalityId: place('Utrecht').id, province: 'Utrecht' }],
    ['Dutch or Darija, place unknown', { languages: ['nl', 'ary'], municipalityId: null, province: null }],
    [
      'Turkish in Rotterdam',
      { languages: ['tr'], municipalityId: place('Rotterdam').id, province: 'Zuid-Holland' },
    ],
    ['Tarifit, only the province known', { languages: ['rif'], municipalityId: null, province: 'Utrecht' }],
    [
      'Somali in Amsterdam',
      { languages: ['so'], municipalityId: place('Amsterdam').id, province: 'Noord-Holland' },
    ],
  ];

  it('computes for every counsellor exactly the flags the offer check computes from the full facts', async () => {
    await inOrg(t.deps.db, orgId, async (db) => {
      const all = await listCandidates(db, orgId, today(), caseId);
      expect(all.length).toBeGreaterThanOrEqual(72);
      for (const [, where] of cases()) {
        const needs: CaseNeeds = {
          ...where,
          prefLanguage: null,
          prefGender: null,
          prefBackgroundId: null,
          previousCounsellorIds: [],
        };
        const fromSql = new Map(
          (await candidateFlags(db, orgId, today(), caseId, needs)).map((r) => [r.id, r.mask]),
        );
        const fromFacts = new Map(all.map((c) => [c.id, toMask(flagsOf(c, needs))]));
        expect(fromSql).toEqual(fromFacts);
        // Not trivially equal: the population varies on every flag.
        expect(new Set(fromSql.values()).size).toBeGreaterThan(10);
      }
    });
  });

  it.each([
    ['region', 'false'],
    ['remote', 'false'],
    ['wide', 'false'],
    ['region', 'true'],
  ])(
    'answers the shortlist (reach %s, interpreter %s) as scoring every counsellor in full would',
    async (reach, interpreter) => {
      const res = await coordinator.get(
        `/api/cases/${caseId}/shortlist?reach=${reach}&interpreter=${interpreter}`,
      );
      expect(res.statusCode).toBe(200);
      const { diagnosis, ...list } = res.json<Shortlist>();
      const expected = await inOrg(t.deps.db, orgId, async (db) => {
        const { prefBackgroundEnc, municipalityName, ...stored } = (await findCaseNeeds(db, orgId, caseId))!;
        void prefBackgroundEnc;
        void municipalityName;
        const needs: CaseNeeds = {
          ...stored,
          prefBackgroundId: null,
          reach: reach as Reach,
          interpreter: interpreter === 'true',
        };
        const all = await listCandidates(db, orgId, today(), caseId);
        return shortlist(
          all.map((c) => ({ ...c, backgroundIds: [] })),
          needs,
          DEFAULT_WEIGHTS,
        );
      });
      const { diagnosis: expectedDiagnosis, ...expectedList } = expected;
      expect(list).toEqual(expectedList);
      expect({ ...diagnosis, place: null }).toEqual({ ...expectedDiagnosis, place: null });
      expect(list.considered).toBeGreaterThanOrEqual(72);
    },
  );
});
