import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  nextStep,
  setupOrganisation,
  signIn,
  STRONG_PASSWORD,
  totp,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('sign-in on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
  });
  afterAll(() => t.close());

  it('allows the first-run set-up only once', async () => {
    const res = await new Agent(t).post('/api/setup', {
      organisationName: 'Second',
      adminName: 'Someone',
      email: 'second@example.org',
      password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'setup_done' });
    expect((await new Agent(t).get('/api/setup/status')).json<{ needed: boolean }>().needed).toBe(false);
  });

  it('sets a HttpOnly, SameSite=Strict cookie and stores only a hash of the token', async () => {
    const agent = new Agent(t, '10.9.0.1');
    const res = await agent.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);
    const token = agent.cookie!.split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await inOrg(t.deps.db, orgId, async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from sessions
        where encode(token_hash, 'escape') like ${'%' + token + '%'} or encode(token_hash, 'hex') = ${Buffer.from(token).toString('hex')}`.execute(
        trx,
      );
      return rows[0]!.n;
    });
    expect(stored).toBe(0);
  });

  it('requires the second factor before anything else', async () => {
    const agent = new Agent(t, '10.9.0.2');
    expect(
      (await agent.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD })).json(),
    ).toMatchObject({
      stage: 'mfa',
    });
    const users = await agent.get('/api/users');
    expect(users.statusCode).toBe(401);
    expect(users.json()).toMatchObject({ code: 'mfa_required' });
  });

  it('accepts each TOTP code once', async () => {
    const a = new Agent(t, '10.9.0.3');
    await a.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD });
    const code = await totp(t, admin.secret);
    expect((await a.post('/api/auth/mfa', { code })).statusCode).toBe(200);
    const b = new Agent(t, '10.9.0.4');
    await b.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD });
    const replay = await b.post('/api/auth/mfa', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'mfa_invalid' });
    nextStep(t);
  });

  it('answers an unknown address exactly like a wrong password', async () => {
    const wrong = await new Agent(t, '10.9.1.1').post('/api/auth/login', {
      email: admin.email,
      password: 'not the password at all',
    });
    const unknown = await new Agent(t, '10.9.1.2').post('/api/auth/login', {
      email: 'nobody@noord.example',
      password: 'whatever it is here',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('throttles an address from one IP after five failures, whether it exists or not, with Retry-After', async () => {
    for (const email of [admin.email, 'ghost@noord.example']) {
      for (let i = 0; i < 5; i++) {
        await new Agent(t, '10.9.2.1').post('/api/auth/login', { email, password: 'wrong password here' });
      }
      const blocked = await new Agent(t, '10.9.2.1').post('/api/auth/login', {
        email,
        password: STRONG_PASSWORD,
      });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'too_many_attempts' });
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    t.clock.advance(16 * 60_000);
    const after = await new Agent(t, '10.9.2.1').post('/api/auth/login', {
      email: admin.email,
      password: STRONG_PASSWORD,
    });
    expect(after.statusCode).toBe(200);
  });

  /** Password step with raw cookies: returns the status and any known-device cookie the server set. */
  async function passwordStep(ip: string, email: string, password: string, device?: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'x-csrf-token': 'none', ...(device ? { cookie: `confidant_device=${device}` } : {}) },
      payload: { email, password },
    });
    return res;
  }

  it('keeps an attacker who knows the address from locking the user out, and keeps the attacker throttled', async () => {
    const user = await inviteAndActivate(t, await signIn(t, admin, '10.9.7.9'), 'counsellor');
    // The user signs in fully once on their own browser: it becomes a known device.
    const a = new Agent(t, '10.9.7.1');
    await a.post('/api/auth/login', { email: user.email, password: STRONG_PASSWORD });
    const mfa = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa',
      remoteAddress: '10.9.7.1',
      headers: { cookie: a.cookie!, 'x-csrf-token': a.csrf },
      payload: { code: await totp(t, user.secret) },
    });
    expect(mfa.statusCode).toBe(200);
    nextStep(t);
    const deviceCookie = mfa.cookies.find((c) => c.name === 'confidant_device');
    expect(deviceCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const device = deviceCookie!.value;

    // The attacker fails five times from IP A: A is blocked, even with the right password.
    for (let i = 0; i < 5; i++) await passwordStep('10.66.0.1', user.email, 'a wrong guess at it');
    expect((await passwordStep('10.66.0.1', user.email, STRONG_PASSWORD)).statusCode).toBe(429);
    // The user, from another IP, is not locked out.
    expect((await passwordStep('10.9.7.2', user.email, STRONG_PASSWORD)).statusCode).toBe(200);

    // Guessing from many IPs blocks the address on unknown devices…
    for (let i = 0; i < 20; i++) await passwordStep(`10.66.1.${i}`, user.email, 'a wrong guess at it');
    expect((await passwordStep('10.9.7.3', user.email, STRONG_PASSWORD)).statusCode).toBe(429);
    expect((await passwordStep('10.66.2.1', user.email, STRONG_PASSWORD)).statusCode).toBe(429);
    // …and a forged device cookie is an unknown device.
    expect((await passwordStep('10.66.2.2', user.email, STRONG_PASSWORD, `x${device}`)).statusCode).toBe(429);
    // The known device still gets in, from anywhere.
    expect((await passwordStep('10.9.7.4', user.email, STRONG_PASSWORD, device)).statusCode).toBe(200);
    // A known device is throttled by its own failures only.
    for (let i = 0; i < 5; i++) await passwordStep('10.9.7.4', user.email, 'typo in the password', device);
    expect((await passwordStep('10.9.7.4', user.email, STRONG_PASSWORD, device)).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
  });

  it('throttles guessing of TOTP codes', async () => {
    const agent = new Agent(t, '10.9.3.1');
    await agent.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await agent.post('/api/auth/mfa', { code: String(100000 + i) })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await agent.post('/api/auth/mfa', { code: await totp(t, admin.secret) });
    expect(right.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
  });

  it('ends a session after 15 idle minutes and after 12 hours in any case', async () => {
    const agent = await signIn(t, admin, '10.9.4.1');
    t.clock.advance(14 * 60_000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);

    const busy = await signIn(t, admin, '10.9.4.2');
    for (let minutes = 0; minutes < 12 * 60; minutes += 10) {
      t.clock.advance(10 * 60_000);
      if ((await busy.get('/api/auth/session')).statusCode !== 200) break;
    }
    expect((await busy.get('/api/auth/session')).statusCode).toBe(401);
    nextStep(t);
  });

  it('refuses state-changing requests without the right CSRF token', async () => {
    const agent = await signIn(t, admin, '10.9.5.1');
    const body = { displayName: 'Changed by CSRF' };
    const none = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: agent.cookie! },
      payload: body,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: agent.cookie!, 'x-csrf-token': 'none' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const me = (await agent.get('/api/auth/session')).json<{ user: { displayName: string } }>();
    expect(me.user.displayName).toBe('Amina Admin');
  });

  it('signs out, and the old cookie no longer works', async () => {
    const agent = await signIn(t, admin, '10.9.6.1');
    const cookie = agent.cookie!;
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('changes the password, revoking every other session', async () => {
    const user = await inviteAndActivate(
      t,
      await signIn(t, admin, '10.9.7.9'),
      'counsellor',
      'pw.change@noord.example',
    );
    const other = await signIn(t, user, '10.9.7.1');
    const weak = await user.agent.post('/api/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'weak_password',
      errors: [{ field: 'newPassword', reason: 'common_password' }],
    });
    const wrongCurrent = await user.agent.post('/api/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'a quiet river under the bridge',
    });
    expect(wrongCurrent.json()).toMatchObject({
      errors: [{ field: 'currentPassword', reason: 'wrong_password' }],
    });
    const ok = await user.agent.post('/api/auth/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'a quiet river under the bridge',
    });
    expect(ok.statusCode).toBe(200);
    expect((await user.agent.get('/api/auth/session')).statusCode).toBe(200);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    const oldPw = await new Agent(t, '10.9.7.2').post('/api/auth/login', {
      email: user.email,
      password: STRONG_PASSWORD,
    });
    expect(oldPw.statusCode).toBe(401);
  });

  it('changes language and name for the signed-in user, with an audit entry', async () => {
    const agent = await signIn(t, admin, '10.9.8.1');
    const res = await agent.patch('/api/me', { language: 'ar' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { language: 'ar' } });
    const bad = await agent.patch('/api/me', { language: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'language' }] });
    const audit = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'changed_fields'])
        .where('action', '=', 'user.update_profile')
        .execute(),
    );
    expect(audit).toContainEqual({ action: 'user.update_profile', changed_fields: ['language'] });
  });

  it('lets no burst of parallel TOTP guesses past the limit', async () => {
    t.clock.advance(16 * 60_000);
    const agent = new Agent(t, '10.9.9.1');
    await agent.post('/api/auth/login', { email: admin.email, password: STRONG_PASSWORD });
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => agent.post('/api/auth/mfa', { code: String(200000 + i) })),
    );
    const checked = guesses.filter((g) => g.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(guesses.filter((g) => g.statusCode === 429).length).toBeGreaterThanOrEqual(7);
    t.clock.advance(16 * 60_000);
  });
});
