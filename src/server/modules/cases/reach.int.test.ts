import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('how to reach the family on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId);
    ({ caseId } = await openCase(s.coord.agent, s.tx, {
      phone: '06 12 34 56 78',
      language: 'ary',
      callback: { mayCallBack: true, mayLeaveMessage: false, safeTimes: 'na 14:00', safeChannel: 'whatsapp' },
    }));
    const assigned = await s.coord.agent.post(`/api/cases/${caseId}/assign`, {
      counsellorId: s.couns.userId,
    });
    expect(assigned.statusCode).toBe(204);
  }, 600_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.4.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const accessLog = async () =>
    (await (await as(s.officer)).get(`/api/access-log?entity=case&entityId=${caseId}`)).json<{
      items: { actorId: string; purpose: string; reason: string | null; outcome: 'read' | 'denied' }[];
    }>().items;

  it('gives the assigned counsellor the callback preferences without the number, and logs the read', async () => {
    const res = await (await as(s.couns)).get(`/api/cases/${caseId}/reach`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      hasPhone: true,
      mayCallBack: true,
      mayLeaveMessage: false,
      safeTimes: 'na 14:00',
      safeChannel: 'whatsapp',
      language: 'ary',
    });
    expect(res.body).not.toContain('612345678');
    expect(await accessLog()).toContainEqual(
      expect.objectContaining({ actorId: s.couns.userId, purpose: 'reach' }),
    );
  });

  it('decrypts the phone number only on request, for the counsellor, and logs that as its own purpose', async () => {
    const before = (await accessLog()).filter((i) => i.purpose === 'reveal_phone').length;
    const res = await (await as(s.couns)).post(`/api/cases/${caseId}/reach/phone`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone: '+31612345678' });
    expect(res.headers['cache-control']).toBe('no-store');
    const after = (await accessLog()).filter((i) => i.purpose === 'reveal_phone');
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ actorId: s.couns.userId, reason: null });
  });

  it('asks another coordinator for a reason first, then shows it and logs the grant with the read', async () => {
    const other = await as(s.coord2);
    for (const res of [
      await other.get(`/api/cases/${caseId}/reach`),
      await other.post(`/api/cases/${caseId}/reach/phone`, {}),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'reason_required' });
    }
    const reason = 'Vertrouwenspersoon ziek, terugbelafspraak overnemen';
    expect((await other.post(`/api/cases/${caseId}/access`, { reason })).statusCode).toBe(204);
    expect((await other.get(`/api/cases/${caseId}/reach`)).statusCode).toBe(200);
    expect((await other.post(`/api/cases/${caseId}/reach/phone`, {})).json()).toEqual({
      phone: '+31612345678',
    });
    expect(await accessLog()).toContainEqual(
      expect.objectContaining({ actorId: s.coord2.userId, purpose: 'reveal_phone', reason: 'granted' }),
    );
    // The coordinator who took the call needs no reason.
    expect((await (await as(s.coord)).get(`/api/cases/${caseId}/reach`)).statusCode).toBe(200);
  });

  it('is not found for admin, analyst, privacy officer and another counsellor; only the refusals are logged', async () => {
    const count = async (outcome: 'read' | 'denied') =>
      (await accessLog()).filter((row) => row.outcome === outcome).length;
    const [reads, denials] = [await count('read'), await count('denied')];
    for (const who of [s.admin, s.analyst, s.officer, s.couns2]) {
      const agent = await as(who);
      expect((await agent.get(`/api/cases/${caseId}/reach`)).statusCode, who.email).toBe(404);
      const phone = await agent.post(`/api/cases/${caseId}/reach/phone`, {});
      expect(phone.statusCode, who.email).toBe(404);
      expect(phone.body).not.toContain('612345678');
    }
    // Nothing was read; each refused attempt (two per person) is on record, as NEN 7513 asks.
    expect(await count('read')).toBe(reads);
    expect(await count('denied')).toBe(denials + 8);
  });

  it('answers 404 for the number when none is on file', async () => {
    const { caseId: noPhone } = await openCase(s.coord.agent, s.tx, { phone: undefined });
    const agent = await as(s.coord);
    expect((await agent.get(`/api/cases/${noPhone}/reach`)).json<{ hasPhone: boolean }>().hasPhone).toBe(
      false,
    );
    expect((await agent.post(`/api/cases/${noPhone}/reach/phone`, {})).statusCode).toBe(404);
  });

  it('requires a session, and the CSRF token for the number', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/reach` })).statusCode).toBe(401);
    // A state-changing request without a CSRF token is refused before anything else.
    const post = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/reach/phone` });
    expect(post.statusCode).toBe(403);
    expect(post.body).not.toContain('612345678');
  });
});
