import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry, AuditEntry } from '../../../shared/audit.schema.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();

/**
 * Logs a privacy officer can read (issue 9): entries name the case by its reference, can be filtered by it,
 * and export to CSV — an export that is itself audited and that only the privacy officer may make.
 */
describe.each(kinds)('readable logs on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let a: { caseId: string; reference: string };
  let b: { caseId: string; reference: string };

  const as = (who: SignedIn) =>
    signIn(t, who, `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId);
    // A display name that a spreadsheet would run as a formula.
    const renamed = await s.admin.agent.patch(`/api/users/${s.coord.userId}`, { displayName: '=SUM(1,2)' });
    expect(renamed.statusCode).toBe(200);
    const c = await as(s.coord);
    a = await openCase(c, s.tx, { callerAlias: 'Moeder Amal' });
    b = await openCase(c, s.tx);
    expect((await c.post(`/api/cases/${a.caseId}/assign`, { counsellorId: s.couns.userId })).statusCode).toBe(
      204,
    );
    const k = await as(s.couns);
    expect((await k.get(`/api/cases/${a.caseId}`)).statusCode).toBe(200);
    const task = await k.post(`/api/cases/${a.caseId}/tasks`, { title: 'Bellen', dueOn: day(t, 2) });
    expect(task.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('shows case references on audit entries of the case and of its records, and filters by reference', async () => {
    const po = await as(s.officer);
    const all = (await po.get('/api/audit?limit=100')).json<{ items: AuditEntry[] }>();
    const onCase = all.items.find((i) => i.entity === 'case' && i.entityId === a.caseId);
    expect(onCase).toMatchObject({ caseId: a.caseId, caseReference: a.reference });
    const task = all.items.find((i) => i.action === 'case.task_add');
    expect(task).toMatchObject({ entity: 'task', caseReference: a.reference });
    expect(all.items.find((i) => i.entity === 'user')).toMatchObject({ caseReference: null });

    const filtered = (
      await po.get(`/api/audit?caseReference=${encodeURIComponent(a.reference)}&limit=100`)
    ).json<{ items: AuditEntry[] }>();
    expect(filtered.items.length).toBeGreaterThanOrEqual(3);
    expect(filtered.items.every((i) => i.caseReference === a.reference)).toBe(true);
    expect(filtered.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['case.assign', 'case.task_add']),
    );
    const none = (await po.get('/api/audit?caseReference=1999-9999')).json<{ items: AuditEntry[] }>();
    expect(none.items).toEqual([]);
  });

  it('shows case references in the access log and filters by reference', async () => {
    const po = await as(s.officer);
    const res = (
      await po.get(`/api/access-log?caseReference=${encodeURIComponent(a.reference)}&limit=100`)
    ).json<{ items: AccessEntry[] }>();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((i) => i.caseReference === a.reference && i.caseId === a.caseId)).toBe(true);
    expect(res.items.map((i) => i.actorId)).toContain(s.couns.userId);
    const other = (
      await po.get(`/api/access-log?caseReference=${encodeURIComponent(b.reference)}&limit=100`)
    ).json<{ items: AccessEntry[] }>();
    expect(other.items.some((i) => i.caseId === a.caseId)).toBe(false);
  });

  it('exports the audit log as CSV, neutralising formulas, and audits the export', async () => {
    const po = await as(s.officer);
    const res = await po.get(`/api/audit/export.csv?caseReference=${encodeURIComponent(a.reference)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-log\.csv"/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('seq,at,user,action,record_type,case_reference,record_id,changed_fields');
    const rows = lines.slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toContain(`,${a.reference},`);
    expect(res.body).not.toContain(b.reference);
    // The coordinator's name "=SUM(1,2)" is quoted (it holds a comma) and starts with an apostrophe.
    expect(res.body).toContain(`"'=SUM(1,2)"`);
    expect(res.body).not.toMatch(/(^|,)=SUM/m);
    expect(res.body).not.toContain('Moeder Amal');

    const log = (await po.get('/api/audit?entity=audit_log&limit=10')).json<{ items: AuditEntry[] }>();
    expect(log.items[0]).toMatchObject({ action: 'audit.export', actorId: s.officer.userId });
  });

  it('exports the access log as CSV and audits that export too', async () => {
    const po = await as(s.officer);
    const res = await po.get(`/api/access-log/export.csv?caseReference=${encodeURIComponent(a.reference)}`);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('id,at,user,record_type,case_reference,record_id,purpose,outcome,reason');
    expect(lines.length).toBeGreaterThan(1);
    for (const row of lines.slice(1)) expect(row).toContain(`,case,${a.reference},${a.caseId},`);
    const log = (await po.get('/api/audit?entity=access_log&limit=10')).json<{ items: AuditEntry[] }>();
    expect(log.items[0]).toMatchObject({ action: 'access.export', actorId: s.officer.userId });
  });

  it('refuses the logs and their exports to every other role, and a refusal exports nothing', async () => {
    const po = await as(s.officer);
    const before = (await po.get('/api/audit?limit=1')).json<{ items: AuditEntry[] }>();
    for (const who of [s.admin, s.coord, s.couns, s.analyst]) {
      const agent = await as(who);
      for (const url of [
        '/api/audit',
        '/api/access-log',
        '/api/audit/export.csv',
        '/api/access-log/export.csv',
      ]) {
        const res = await agent.get(url);
        expect(res.statusCode, `${url} as ${who.email}`).toBe(403);
        expect(res.body).not.toContain(a.reference);
      }
    }
    const after = (await (await as(s.officer)).get('/api/audit?entity=audit_log&limit=5')).json<{
      items: AuditEntry[];
    }>();
    expect(after.items.filter((i) => i.id > before.items[0]!.id && i.action.endsWith('.export'))).toEqual([]);
  });
});
