import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  nextStep,
  signIn,
  STRONG_PASSWORD,
  totp,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('users and invites on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  const by = {} as Record<Role, SignedIn>;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    by.admin = admin;
    for (const role of ROLES.filter((r) => r !== 'admin'))
      by[role] = await inviteAndActivate(t, admin.agent, role);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
  });
  afterAll(() => t.close());

  async function agentFor(role: Role): Promise<Agent> {
    return signIn(t, by[role], `10.7.${ROLES.indexOf(role)}.${Math.floor(Math.random() * 250)}`);
  }

  // Every user-management and audit endpoint × every role. Only the listed roles may; the rest get 403.
  const endpoints: {
    name: string;
    allowed: Role[];
    call: (a: Agent, target: string) => Promise<{ statusCode: number }>;
  }[] = [
    { name: 'GET /api/users', allowed: ['admin'], call: (a) => a.get('/api/users') },
    {
      name: 'POST /api/users',
      allowed: ['admin'],
      call: (a) =>
        a.post('/api/users', {
          email: `m${Math.random()}@noord.example`.replace('0.', ''),
          displayName: 'M',
          role: 'analyst',
        }),
    },
    {
      name: 'PATCH /api/users/:id',
      allowed: ['admin'],
      call: (a, id) => a.patch(`/api/users/${id}`, { displayName: 'Renamed' }),
    },
    {
      name: 'POST /api/users/:id/deactivate',
      allowed: ['admin'],
      call: (a, id) => a.post(`/api/users/${id}/deactivate`),
    },
    {
      name: 'POST /api/users/:id/reactivate',
      allowed: ['admin'],
      call: (a, id) => a.post(`/api/users/${id}/reactivate`),
    },
    {
      name: 'POST /api/users/:id/reset-mfa',
      allowed: ['admin'],
      call: (a, id) => a.post(`/api/users/${id}/reset-mfa`),
    },
    {
      name: 'GET /api/account-alerts',
      allowed: ['admin', 'privacy_officer'],
      call: (a) => a.get('/api/account-alerts'),
    },
    { name: 'GET /api/audit', allowed: ['privacy_officer'], call: (a) => a.get('/api/audit') },
    {
      name: 'POST /api/audit/verify',
      allowed: ['privacy_officer'],
      call: (a) => a.post('/api/audit/verify'),
    },
    { name: 'GET /api/audit/actors', allowed: ['privacy_officer'], call: (a) => a.get('/api/audit/actors') },
    { name: 'GET /api/access-log', allowed: ['privacy_officer'], call: (a) => a.get('/api/access-log') },
  ];

  it.each(endpoints)(
    '$name: 401 without a session, then allowed only for $allowed',
    async ({ call, allowed }) => {
      const target = await inviteAndActivate(t, await agentFor('admin'), 'analyst');
      expect((await call(new Agent(t, '10.8.0.1'), target.userId)).statusCode).toBe(401);
      for (const role of ROLES) {
        const res = await call(await agentFor(role), target.userId);
        if (allowed.includes(role)) expect(res.statusCode, `${role}`).toBeLessThan(300);
        else expect(res.statusCode, `${role}`).toBe(403);
      }
    },
  );

  it('invites with a one-time link that works once and stores only its hash', async () => {
    const a = await agentFor('admin');
    const res = await a.post('/api/users', {
      email: 'Nadia.Coord@Noord.example',
      displayName: 'Nadia',
      role: 'coordinator',
    });
    expect(res.statusCode).toBe(201);
    const issued = res.json<{ inviteUrl: string; user: { email: string; status: string } }>();
    expect(issued.user).toMatchObject({ email: 'nadia.coord@noord.example', status: 'invited' });
    const token = issued.inviteUrl.split('#')[1]!;
    expect(issued.inviteUrl).toMatch(/\/invite#/);

    const info = await new Agent(t).post('/api/invites/inspect', { token });
    expect(info.json()).toMatchObject({
      email: 'nadia.coord@noord.example',
      role: 'coordinator',
      organisationName: 'Hulplijn Noord',
    });

    const weak = await new Agent(t).post('/api/invites/accept', { token, password: 'nadia coordinator' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ errors: [{ field: 'password', reason: 'contains_context' }] });

    const ok = await new Agent(t).post('/api/invites/accept', { token, password: STRONG_PASSWORD });
    expect(ok.json()).toMatchObject({ stage: 'enrol' });
    const again = await new Agent(t).post('/api/invites/accept', { token, password: STRONG_PASSWORD });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'invite_invalid' });
  });

  it('refuses an expired invite and a link replaced by a new one', async () => {
    const a = await agentFor('admin');
    const first = (
      await a.post('/api/users', { email: 'late@noord.example', displayName: 'Late', role: 'counsellor' })
    ).json<{
      inviteUrl: string;
      user: { id: string };
    }>();
    const second = (await a.post(`/api/users/${first.user.id}/invite`)).json<{ inviteUrl: string }>();
    const oldToken = first.inviteUrl.split('#')[1]!;
    expect((await new Agent(t).post('/api/invites/inspect', { token: oldToken })).statusCode).toBe(404);
    t.clock.advance(73 * 3_600_000);
    const newToken = second.inviteUrl.split('#')[1]!;
    expect(
      (await new Agent(t).post('/api/invites/accept', { token: newToken, password: STRONG_PASSWORD }))
        .statusCode,
    ).toBe(404);
  });

  it('deactivation ends the sessions at once and blocks sign-in', async () => {
    const user = await inviteAndActivate(t, await agentFor('admin'), 'counsellor');
    const session = await signIn(t, user, '10.8.1.1');
    const res = await (await agentFor('admin')).post(`/api/users/${user.userId}/deactivate`);
    expect(res.json()).toMatchObject({ status: 'deactivated' });
    expect((await session.get('/api/auth/session')).statusCode).toBe(401);
    const login = await new Agent(t, '10.8.1.2').post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(login.statusCode).toBe(401);
  });

  it('MFA reset makes the user enrol again at the next sign-in', async () => {
    const user = await inviteAndActivate(t, await agentFor('admin'), 'coordinator');
    const res = await (await agentFor('admin')).post(`/api/users/${user.userId}/reset-mfa`);
    expect(res.json()).toMatchObject({ mfaEnrolled: false });
    const login = await new Agent(t, '10.8.2.1').post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(login.json()).toMatchObject({ stage: 'enrol' });
  });

  it('keeps at least one active admin', async () => {
    const a = await agentFor('admin');
    const demote = await a.patch(`/api/users/${admin.userId}`, { role: 'coordinator' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'last_admin' });
    expect((await a.post(`/api/users/${admin.userId}/deactivate`)).json()).toMatchObject({
      code: 'last_admin',
    });
  });

  it('refuses a second account with the same e-mail address and changes nothing', async () => {
    const a = await agentFor('admin');
    const before = (await a.get('/api/users')).json<{ items: unknown[] }>().items.length;
    const res = await a.post('/api/users', {
      email: by.counsellor.email,
      displayName: 'Dup',
      role: 'analyst',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'email_taken' });
    expect((await a.get('/api/users')).json<{ items: unknown[] }>().items.length).toBe(before);
  });

  it('keeps e-mail addresses unique per organisation: an invite answers the same whether the address is used elsewhere', async () => {
    // A second organisation on the same installation (set-up is once per installation; the owner re-opens it).
    await t.asOwner((db) => db.deleteFrom('installation').execute());
    const zuid = await setupOrganisation(t, 'Hulplijn Zuid', 'admin@zuid.example');
    const shared = 'shared.person@example.org';
    const fresh = 'nobody.else@example.org';
    const shape = (r: { statusCode: number; json(): unknown }) => {
      const b = r.json() as { user: Record<string, unknown>; inviteUrl: string; expiresAt: string };
      return {
        status: r.statusCode,
        keys: Object.keys(b).sort(),
        user: { ...b.user, id: '', createdAt: '', email: '' },
      };
    };
    const noord = await agentFor('admin');
    const inNoord = await noord.post('/api/users', { email: shared, displayName: 'Sam', role: 'counsellor' });
    expect(inNoord.statusCode).toBe(201);
    const z = await signIn(t, zuid, '10.7.9.1');
    const usedElsewhere = await z.post('/api/users', {
      email: shared,
      displayName: 'Sam',
      role: 'counsellor',
    });
    const unused = await z.post('/api/users', { email: fresh, displayName: 'Sam', role: 'counsellor' });
    expect(shape(usedElsewhere)).toEqual(shape(unused));
    expect(usedElsewhere.statusCode).toBe(201);
    // Within one organisation the address is still unique.
    expect(
      (await z.post('/api/users', { email: shared, displayName: 'Sam 2', role: 'analyst' })).json(),
    ).toMatchObject({
      code: 'email_taken',
    });

    // Each account gets its own password; sign-in with the address picks the account whose password matches.
    const OTHER_PASSWORD = 'a quiet harbour under grey skies';
    const activate = async (res: typeof inNoord, password: string) => {
      const agent = new Agent(t, '10.7.9.2');
      const token = res.json<{ inviteUrl: string }>().inviteUrl.split('#')[1]!;
      expect((await agent.post('/api/invites/accept', { token, password })).statusCode).toBe(200);
      const { manualKey } = (await agent.get('/api/auth/mfa/enrolment')).json<{ manualKey: string }>();
      expect((await agent.post('/api/auth/mfa/enrol', { code: await totp(t, manualKey) })).statusCode).toBe(
        200,
      );
      nextStep(t);
      return manualKey;
    };
    const noordKey = await activate(inNoord, STRONG_PASSWORD);
    const zuidKey = await activate(usedElsewhere, OTHER_PASSWORD);
    const orgOf = async (password: string, key: string) => {
      const agent = new Agent(t, `10.7.9.${3 + Math.floor(Math.random() * 200)}`);
      const login = await agent.post('/api/auth/login', { email: shared, password });
      expect(login.statusCode, login.body).toBe(200);
      const mfa = await agent.post('/api/auth/mfa', { code: await totp(t, key) });
      nextStep(t);
      return mfa.json<{ organisation: { name: string } }>().organisation.name;
    };
    expect(await orgOf(STRONG_PASSWORD, noordKey)).toBe('Hulplijn Noord');
    expect(await orgOf(OTHER_PASSWORD, zuidKey)).toBe('Hulplijn Zuid');
    // A wrong password for a shared address answers exactly like an unknown address.
    const wrong = await new Agent(t, '10.7.9.250').post('/api/auth/login', {
      email: shared,
      password: 'neither of the two',
    });
    const unknown = await new Agent(t, '10.7.9.251').post('/api/auth/login', {
      email: 'never.seen@example.org',
      password: 'neither of the two',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('answers 404 for a user id of another organisation, like a missing one', async () => {
    const foreign = await t.asOwner(async (db) => {
      const id = crypto.randomUUID();
      const now = new Date();
      await db
        .insertInto('organisations')
        .values({ id, name: 'Elsewhere', created_at: now, updated_at: now })
        .execute();
      const userId = crypto.randomUUID();
      await db
        .insertInto('users')
        .values({
          id: userId,
          org_id: id,
          email: 'x@elsewhere.example',
          display_name: 'X',
          role: 'counsellor',
          status: 'active',
          language: 'nl',
          created_at: now,
          updated_at: now,
        })
        .execute();
      return userId;
    });
    const a = await agentFor('admin');
    const res = await a.patch(`/api/users/${foreign}`, { displayName: 'Hijacked' });
    expect(res.statusCode).toBe(404);
    expect((await a.patch(`/api/users/${crypto.randomUUID()}`, { displayName: 'Nobody' })).statusCode).toBe(
      404,
    );
  });

  it('writes an audit entry for each change, naming fields but never their values', async () => {
    const rows = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changed_fields', 'details'])
        .where('action', '=', 'user.invite')
        .execute(),
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      expect(r.changed_fields).toContain('email');
      expect(JSON.stringify(r.details)).not.toMatch(/@/);
    }
  });
});
