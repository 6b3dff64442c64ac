import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
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

describe.each(kinds)('partner directory on %s', (kind) => {
  let t: TestApp;
  const by = {} as Record<Role, SignedIn>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    by.admin = await setupOrganisation(t);
    for (const role of ROLES.filter((r) => r !== 'admin'))
      by[role] = await inviteAndActivate(t, by.admin.agent, role);
  });
  afterAll(() => t.close());

  const as = (role: Role) =>
    signIn(t, by[role], `10.11.${ROLES.indexOf(role)}.${Math.floor(Math.random() * 250)}`);
  const wijkteam = {
    name: 'Sociaal wijkteam Utrecht-West',
    type: 'social_district_team',
    municipality: 'Utrecht',
    languages: ['nl', 'ary'],
    secureContact: 'Beveiligde mail via Zivver',
    contactPerson: 'Petra de Vries',
  };

  it('lets admins and coordinators keep the directory, case workers look it up, and nobody else in', async () => {
    const expected: Record<Role, { list: number; create: number }> = {
      admin: { list: 200, create: 201 },
      coordinator: { list: 200, create: 201 },
      counsellor: { list: 200, create: 403 },
      analyst: { list: 403, create: 403 },
      privacy_officer: { list: 403, create: 403 },
      peer_organiser: { list: 403, create: 403 },
    };
    for (const role of ROLES) {
      const a = await as(role);
      expect((await a.get('/api/partners')).statusCode, role).toBe(expected[role].list);
      expect(
        (await a.post('/api/partners', { ...wijkteam, name: `${wijkteam.name} ${role}` })).statusCode,
        role,
      ).toBe(expected[role].create);
    }
  });

  it('searches name, municipality and contact person, with wildcards taken literally', async () => {
    const a = await as('coordinator');
    await a.post('/api/partners', {
      name: 'GGZ Centraal 100% jeugd',
      type: 'mental_health',
      municipality: 'Amersfoort',
    });
    const names = async (q: string) =>
      (await a.get(`/api/partners?q=${encodeURIComponent(q)}`))
        .json<{ items: { name: string }[] }>()
        .items.map((p) => p.name);
    expect(await names('WIJKTEAM')).toContain('Sociaal wijkteam Utrecht-West admin');
    expect(await names('petra')).toContain('Sociaal wijkteam Utrecht-West admin');
    expect(await names('amersfoort')).toEqual(['GGZ Centraal 100% jeugd']);
    expect(await names('100%')).toEqual(['GGZ Centraal 100% jeugd']);
    expect(await names('%')).toEqual(['GGZ Centraal 100% jeugd']);
    const byType = (await a.get('/api/partners?type=mental_health')).json<{ items: { type: string }[] }>();
    expect(byType.items.every((p) => p.type === 'mental_health')).toBe(true);
  });

  it('retires a partner without deleting it, audits the change, and refuses bad input', async () => {
    const a = await as('admin');
    const created = (
      await a.post('/api/partners', { name: 'Veilig Thuis regio Utrecht', type: 'veilig_thuis' })
    ).json<{ id: string; active: boolean }>();
    expect(created.active).toBe(true);
    expect((await a.patch(`/api/partners/${created.id}`, { active: false })).json()).toMatchObject({
      active: false,
    });
    const visible = (await a.get('/api/partners?q=veilig')).json<{ items: unknown[] }>();
    expect(visible.items).toEqual([]);
    const all = (await a.get('/api/partners?q=veilig&includeRetired=true')).json<{
      items: { id: string }[];
    }>();
    expect(all.items.map((p) => p.id)).toEqual([created.id]);
    const bad = await a.post('/api/partners', { name: 'X', type: 'pigeon_post' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['name', 'type']);
    expect((await a.patch(`/api/partners/${crypto.randomUUID()}`, { notes: 'x' })).statusCode).toBe(404);
    const po = await as('privacy_officer');
    const audit = (await po.get(`/api/audit?entity=partner&entityId=${created.id}`)).json<{
      items: { action: string }[];
    }>();
    expect(audit.items.map((i) => i.action).sort()).toEqual(['partner.create', 'partner.update']);
  });
});
