import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { assignCase } from './cases.repository.js';

const kinds = await testKinds();

/** The one assignment of a case (the coordinator's assignment and an accepted offer both use it). */
describe.each(kinds)('assignCase on %s', (kind) => {
  let t: TestApp;
  let s: Staff;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
  }, 300_000);
  afterAll(() => t.close());

  const row = (caseId: string) =>
    inOrg(t.deps.db, s.orgId, (db) =>
      db
        .selectFrom('cases')
        .select(['state', 'counsellor_id', 'first_assigned_at', 'last_activity_at', 'updated_at'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
    );
  const assign = (caseId: string, counsellorId: string, now: Date) =>
    inOrg(t.deps.db, s.orgId, (db) => assignCase(db, caseId, counsellorId, now));

  it('makes the case active with the counsellor, and keeps the first assignment time on a reassignment', async () => {
    const { caseId } = await openCase(s.coord.agent, s.tx);
    expect((await row(caseId)).first_assigned_at).toBeNull();

    const first = new Date('2026-04-01T09:00:00Z');
    await assign(caseId, s.couns.userId, first);
    expect(await row(caseId)).toEqual({
      state: 'active',
      counsellor_id: s.couns.userId,
      first_assigned_at: first,
      last_activity_at: first,
      updated_at: first,
    });

    const second = new Date('2026-04-03T15:30:00Z');
    await assign(caseId, s.couns2.userId, second);
    expect(await row(caseId)).toEqual({
      state: 'active',
      counsellor_id: s.couns2.userId,
      first_assigned_at: first,
      last_activity_at: second,
      updated_at: second,
    });
  });
});
