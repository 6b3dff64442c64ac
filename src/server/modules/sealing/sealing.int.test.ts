import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg, type DB } from '../../db/database.js';
import { openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { sealBacklog } from './sealing.service.js';

const kinds = await testKinds();

/** Every sealed field this suite writes: where it lives, its clear value, and where the API shows it. */
interface Field {
  name: string;
  table: string;
  key: string;
  column: string;
  rowId: string;
  clear: string;
}

/** True if any column of the raw row holds the clear text, in a text column or inside a byte string. */
function holdsClear(row: Record<string, unknown>, clear: string): boolean {
  const needle = Buffer.from(clear, 'utf8');
  return Object.values(row).some((v) =>
    v instanceof Uint8Array ? Buffer.from(v).includes(needle) : JSON.stringify(v ?? null).includes(clear),
  );
}

async function rawRow(db: Kysely<DB>, f: Field): Promise<Record<string, unknown>> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(f.table)}
    where ${sql.ref(f.key)} = ${f.rowId}`.execute(db);
  expect(rows, f.name).toHaveLength(1);
  return rows[0]!;
}

describe.each(kinds)('sealed personal data on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let caseId: string;
  const fields: Field[] = [];
  let timeline: Field;
  const field = (name: string, rowId: string, clear: string, key = 'id') => {
    const [table, column] = name.split('.') as [string, string];
    fields.push({ name, table, key, column: `${column}_enc`, rowId, clear });
  };

  /** What the API shows for each field, read the way the UI reads it. */
  async function shown(): Promise<Record<string, string>> {
    const c = (await s.coord.agent.get(`/api/cases/${caseId}`)).json<{
      preferences: { backgroundId: string | null };
      log: { withWhom: string; intake: boolean }[];
      statusEvents: { note: string }[];
    }>();
    const profile = (await s.couns.agent.get(`/api/counsellors/${s.couns.userId}`)).json<{
      backgroundIds: string[];
    }>();
    const absences = (await s.coord.agent.get(`/api/counsellors/${s.couns.userId}/absences`)).json<{
      items: { note: string }[];
    }>();
    const partners = (await s.coord.agent.get('/api/partners?q=petra')).json<{
      items: { contactPerson: string; notes: string }[];
    }>();
    const grant = fields.find((f) => f.name === 'case_access_grants.reason')!;
    // A grant's reason has no read endpoint (the access log shows it): open it as the service would.
    const reason = await inOrg(t.deps.db, s.orgId, async (trx) => {
      const row = await trx
        .selectFrom('case_access_grants')
        .select('reason_enc')
        .where('id', '=', grant.rowId)
        .executeTakeFirstOrThrow();
      return t.deps.keyring.decrypt(
        trx,
        s.orgId,
        { table: 'case_access_grants', column: 'reason', id: grant.rowId },
        row.reason_enc!,
      );
    });
    return {
      'case_log.with_whom': c.log.find((l) => !l.intake)!.withWhom,
      'subject_status_events.note': c.statusEvents[0]?.note ?? '',
      'cases.pref_background': c.preferences.backgroundId ?? '',
      'counsellor_profiles.background_ids': JSON.stringify(profile.backgroundIds),
      'counsellor_absences.note': absences.items[0]!.note,
      'partners.contact_person': partners.items[0]!.contactPerson,
      'partners.notes': partners.items[0]!.notes,
      'case_access_grants.reason': reason,
    };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    const background = s.tx.byCode('background', 'moroccan_dutch');
    const coord = s.coord.agent;
    ({ caseId } = await openCase(coord, s.tx, {
      preferences: { counsellorGender: null, backgroundId: background, language: null },
    }));
    field('cases.pref_background', caseId, background);

    const log = await coord.post(`/api/cases/${caseId}/log`, {
      requestId: randomUUID(),
      occurredAt: t.clock.now().toISOString(),
      channel: 'phone',
      durationMinutes: 20,
      withWhom: 'Moeder en oom Karim',
      note: 'Gesprek over school',
    });
    expect(log.statusCode, log.body).toBe(201);
    field('case_log.with_whom', log.json<{ id: string }>().id, 'Moeder en oom Karim');

    // The status timeline's free text was sealed before 0012 already; checked here with the rest.
    const subject = await coord.post(`/api/cases/${caseId}/subjects`, { alias: 'Y.' });
    expect(subject.statusCode, subject.body).toBe(201);
    const status = await coord.post(`/api/cases/${caseId}/status-events`, {
      subjectId: subject.json<{ id: string }>().id,
      status: 'abroad',
      occurredOn: '2026-02-01',
      note: 'Vertrokken naar familie in Turkije',
    });
    expect(status.statusCode, status.body).toBe(201);
    timeline = {
      name: 'subject_status_events.note',
      table: 'subject_status_events',
      key: 'id',
      column: 'note_enc',
      rowId: status.json<{ id: string }>().id,
      clear: 'Vertrokken naar familie in Turkije',
    };

    const reason = 'Supervisie: de coördinator is ziek';
    expect((await s.coord2.agent.post(`/api/cases/${caseId}/access`, { reason })).statusCode).toBe(204);
    const grantId = await t.asOwner(async (db) => {
      const row = await db
        .selectFrom('case_access_grants')
        .select('id')
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      return row.id;
    });
    field('case_access_grants.reason', grantId, reason);

    const absence = await s.coord.agent.post(`/api/counsellors/${s.couns.userId}/absences`, {
      fromDate: '2026-04-01',
      toDate: '2026-04-10',
      note: 'Operatie in het ziekenhuis',
    });
    expect(absence.statusCode, absence.body).toBe(201);
    field('counsellor_absences.note', absence.json<{ id: string }>().id, 'Operatie in het ziekenhuis');

    const own = await s.couns.agent.patch(`/api/counsellors/${s.couns.userId}`, {
      backgroundIds: [background],
    });
    expect(own.statusCode, own.body).toBe(200);
    field('counsellor_profiles.background_ids', s.couns.userId, JSON.stringify([background]), 'user_id');

    const partner = await coord.post('/api/partners', {
      name: 'Sociaal wijkteam Utrecht-West',
      type: 'social_district_team',
      contactPerson: 'Petra de Vries',
      notes: 'Bellen op dinsdag, via Zivver',
    });
    expect(partner.statusCode, partner.body).toBe(201);
    const partnerId = partner.json<{ id: string }>().id;
    field('partners.contact_person', partnerId, 'Petra de Vries');
    field('partners.notes', partnerId, 'Bellen op dinsdag, via Zivver');
  });
  afterAll(() => t.close());

  it('keeps each field unreadable in the raw row (read as owner) and intact through the API', async () => {
    const all = [...fields, timeline];
    const raw = await t.asOwner(async (db) => Promise.all(all.map((f) => rawRow(db, f))));
    all.forEach((f, i) => {
      const row = raw[i]!;
      expect(row[f.column], f.name).toBeInstanceOf(Uint8Array);
      expect(holdsClear(row, f.clear), f.name).toBe(false);
      // The background term id must not show either: it names the background as well as its label does.
      if (f.name.includes('background'))
        expect(holdsClear(row, s.tx.byCode('background', 'moroccan_dutch'))).toBe(false);
    });
    const api = await shown();
    for (const f of all) expect(api[f.name], f.name).toBe(f.clear);
  });

  it('searches partners by their sealed contact person', async () => {
    const found = (await s.coord.agent.get('/api/partners?q=DE%20VRIES')).json<{
      items: { name: string }[];
    }>();
    expect(found.items.map((p) => p.name)).toEqual(['Sociaal wijkteam Utrecht-West']);
    const none = (await s.coord.agent.get('/api/partners?q=zivver')).json<{ items: unknown[] }>();
    expect(none.items).toEqual([]); // notes are not searched
  });

  it('seals the clear values an earlier version left, exactly once, with one audit entry', async () => {
    // The state migration 0012 leaves on an old database: the value in the backlog, the sealed column empty.
    await t.asOwner(async (db) => {
      for (const f of fields) {
        await sql`update ${sql.table(f.table)} set ${sql.ref(f.column)} = null
          where ${sql.ref(f.key)} = ${f.rowId}`.execute(db);
        await db
          .insertInto('sealing_backlog')
          .values({
            org_id: s.orgId,
            table_name: f.table,
            column_name: f.column.replace(/_enc$/, ''),
            row_id: f.rowId,
            value: f.clear,
          })
          .execute();
      }
    });
    // Two instances starting together: between them, each value is sealed once.
    const sealed = await Promise.all([sealBacklog(t.deps), sealBacklog(t.deps)]);
    expect(sealed[0] + sealed[1]).toBe(fields.length);
    expect(await sealBacklog(t.deps)).toBe(0);

    const { raw, backlog, audits } = await t.asOwner(async (db) => ({
      raw: await Promise.all(fields.map((f) => rawRow(db, f))),
      backlog: await db.selectFrom('sealing_backlog').select('row_id').execute(),
      audits: await db
        .selectFrom('audit_log')
        .select(['changed_fields', 'details', 'actor_id'])
        .where('action', '=', 'data.sealed')
        .execute(),
    }));
    expect(backlog).toEqual([]);
    fields.forEach((f, i) => {
      expect(raw[i]![f.column], f.name).toBeInstanceOf(Uint8Array);
      expect(holdsClear(raw[i]!, f.clear), f.name).toBe(false);
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_id).toBeNull();
    expect([...audits[0]!.changed_fields].sort()).toEqual(fields.map((f) => f.name).sort());
    expect(JSON.stringify(audits[0]!.details)).not.toContain('Petra');

    const api = await shown();
    for (const f of fields) expect(api[f.name], f.name).toBe(f.clear);
  });
});
