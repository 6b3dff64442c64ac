import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { intakeBody, terms, type Terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

interface Problem {
  errors: { field: string; reason: string }[];
}

describe.each(kinds)("intake: the relative's details, signals and protective factors on %s", (kind) => {
  let t: TestApp;
  let coordinator: SignedIn;
  let counsellor: SignedIn;
  let tx: Terms;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    coordinator = await inviteAndActivate(t, admin.agent, 'coordinator');
    counsellor = await inviteAndActivate(t, admin.agent, 'counsellor');
    tx = await terms(coordinator.agent);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
  });
  afterAll(() => t.close());

  const fresh = (who: SignedIn) =>
    signIn(t, who, `10.4.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const details = () => ({
    subject: { alias: 'Yassin', ageBand: '16_17', status: 'at_home' },
    signalIds: [tx.byCode('signal', 'withdrawal'), tx.byCode('signal', 'online_content')],
    protectiveIds: [tx.byCode('protective', 'family_bond')],
  });
  const contactOf = (requestId: string) =>
    inOrg(t.deps.db, orgId, async (trx) => {
      const contact = await trx
        .selectFrom('contacts')
        .select(['id', 'case_id', 'subject_alias_enc', 'subject_age_band', 'subject_status'])
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      const ticked = contact
        ? await trx
            .selectFrom('contact_observations')
            .select(['kind', 'term_id'])
            .where('contact_id', '=', contact.id)
            .execute()
        : [];
      return { contact, ticked };
    });

  it('saves them with the call, sealed where personal, and carries them into the new case', async () => {
    const a = await fresh(coordinator);
    const body = intakeBody(tx, details());
    const res = await a.post('/api/intake', body);
    expect(res.statusCode).toBe(200);
    const { caseId } = res.json<{ caseId: string }>();

    const { contact, ticked } = await contactOf(body.requestId);
    expect(contact).toMatchObject({ case_id: caseId, subject_age_band: '16_17', subject_status: 'at_home' });
    // The alias is personal data: only sealed bytes in the table, never the name.
    expect(Buffer.from(contact!.subject_alias_enc!).toString('utf8')).not.toContain('Yassin');
    expect(ticked.map((x) => [x.kind, x.term_id]).sort()).toEqual(
      [
        ['protective', tx.byCode('protective', 'family_bond')],
        ['signal', tx.byCode('signal', 'online_content')],
        ['signal', tx.byCode('signal', 'withdrawal')],
      ].sort(),
    );

    const detail = (await a.get(`/api/cases/${caseId}`)).json<{
      subjects: { id: string; alias: string; ageBand: string; relationId: string | null }[];
      statusEvents: { subjectId: string; status: string }[];
      observations: { kind: string; text: string }[];
    }>();
    expect(detail.subjects).toEqual([
      expect.objectContaining({
        alias: 'Yassin',
        ageBand: '16_17',
        relationId: tx.byCode('relation', 'mother'),
      }),
    ]);
    expect(detail.statusEvents).toEqual([
      expect.objectContaining({ subjectId: detail.subjects[0]!.id, status: 'at_home' }),
    ]);
    expect(detail.observations.map((o) => [o.kind, o.text]).sort()).toEqual(
      [
        ['protective', 'Goed contact met een ouder of familielid'],
        ['signal', 'Trekt zich terug van familie en vrienden'],
        ['signal', 'Veel tijd met extremistische inhoud online'],
      ].sort(),
    );
    // The case's observations point at the same terms, so intake and case work are counted alike.
    const caseTerms = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('case_observations').select('term_id').where('case_id', '=', caseId).execute(),
    );
    expect(caseTerms.map((x) => x.term_id).sort()).toEqual(ticked.map((x) => x.term_id).sort());
    const actions = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['case.observation_add', 'case.subject_add', 'case.status_add'])
        .execute(),
    );
    expect(actions.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps them on an advice-only call, and adds the ticks (not a second relative) to a linked case', async () => {
    const a = await fresh(coordinator);
    const info = intakeBody(tx, { ...details(), outcome: 'info_only', phone: '0612000111' });
    expect((await a.post('/api/intake', info)).statusCode).toBe(200);
    const infoSaved = await contactOf(info.requestId);
    expect(infoSaved.contact?.case_id).toBeNull();
    expect(infoSaved.ticked).toHaveLength(3);

    const first = (await a.post('/api/intake', intakeBody(tx, details()))).json<{ caseId: string }>();
    const linked = intakeBody(tx, {
      outcome: 'link_case',
      linkCaseId: first.caseId,
      subject: { alias: '', ageBand: 'unknown', status: 'departed' },
      signalIds: [tx.byCode('signal', 'travel_talk')],
    });
    expect((await a.post('/api/intake', linked)).statusCode).toBe(200);
    const detail = (await a.get(`/api/cases/${first.caseId}`)).json<{
      subjects: unknown[];
      observations: { text: string }[];
    }>();
    expect(detail.subjects).toHaveLength(1);
    expect(detail.observations.map((o) => o.text)).toContain('Praat over vertrekken naar een conflictgebied');
  });

  it('refuses bad values with the field and the reason, and saves nothing', async () => {
    const a = await fresh(coordinator);
    const cases: [Record<string, unknown>, string, string][] = [
      // A protective factor ticked as a signal, and a category id as a protective factor.
      [{ signalIds: [tx.byCode('protective', 'family_bond')] }, 'signalIds', 'unknown_term'],
      [{ protectiveIds: [tx.byCode('category', 'C1')] }, 'protectiveIds', 'unknown_term'],
      [{ signalIds: [randomUUID()] }, 'signalIds', 'unknown_term'],
      [{ signalIds: ['not-an-id'] }, 'signalIds.0', 'invalid_format'],
      [{ subject: { ageBand: 'teenager' } }, 'subject.ageBand', 'invalid_value'],
      [{ subject: { status: 'radicalised' } }, 'subject.status', 'invalid_value'],
      [{ subject: { alias: 'x'.repeat(121) } }, 'subject.alias', 'too_big'],
    ];
    for (const [over, field, reason] of cases) {
      const body = intakeBody(tx, over);
      const res = await a.post('/api/intake', body);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<Problem>().errors, JSON.stringify(over)).toContainEqual(
        expect.objectContaining({ field, reason }),
      );
      expect((await contactOf(body.requestId)).contact).toBeUndefined();
    }
  });

  it('lets only a coordinator record an intake', async () => {
    const res = await (await fresh(counsellor)).post('/api/intake', intakeBody(tx, details()));
    expect(res.statusCode).toBe(403);
  });
});
