import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/database.js';
import { generate } from 'otplib';
import pino from 'pino';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import { ManualClock } from '../lib/clock.js';
import { Keyring } from '../lib/crypto/keyring.js';
import { generateMasterKey } from '../lib/crypto/master-key.js';
import type { Deps } from '../lib/deps.js';
import type { Role } from '../../shared/roles.js';
import { useTestPasswordHashing } from '../modules/auth/password.js';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases.js';

export const STRONG_PASSWORD = 'kitchen table at seven in the evening';

export interface TestApp {
  kind: DbKind;
  app: FastifyInstance;
  deps: Deps;
  clock: ManualClock;
  tdb: TestDatabase;
  config: Config;
  close(): Promise<void>;
  /** Rebuilds the app on a reopened database (a restart), keeping the master key. */
  restart(): Promise<void>;
  /** Lets go of the embedded database while `fn` runs (a child process needs it), then rewires the app. */
  suspend<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` as the database owner (RLS and grants do not apply); the app is rewired afterwards. */
  asOwner<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T>;
}

/** A real app (no web assets) on a fresh database, with a clock the test moves. */
export async function createTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  // Test accounts are hashed cheaply under Vitest (NODE_ENV=test; password.test.ts holds the production
  // parameters to account). The benchmarks built on this harness (bench/matching.ts, reports.ts, run.ts) run
  // without NODE_ENV=test and keep the production cost.
  if (process.env.NODE_ENV === 'test') useTestPasswordHashing();
  const tdb = await createTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: tdb.openConfig.dataDir,
    ...env,
  });
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const keyring = new Keyring([generateMasterKey()]);
  const log = pino({ level: 'silent' });
  const make = async () => {
    // A test may swap the keyring (key rotation); a restart keeps the swapped one.
    const deps: Deps = { db: tdb.database.db, keyring: t?.deps.keyring ?? keyring, clock, config, log };
    const app = await buildApp(deps, { databaseKind: kind, web: false });
    await app.ready();
    return { deps, app };
  };
  let t: TestApp | undefined = undefined;
  t = {
    kind,
    tdb,
    clock,
    config,
    ...(await make()),
    async close() {
      await t!.app.close();
      await tdb.destroy();
    },
    async restart() {
      await t!.app.close();
      await tdb.reopen();
      Object.assign(t!, await make());
    },
    async suspend(fn) {
      if (kind !== 'pglite') return fn();
      await t!.app.close();
      await tdb.database.close();
      try {
        return await fn();
      } finally {
        await tdb.reopen();
        Object.assign(t!, await make());
      }
    },
    async asOwner(fn) {
      const result = await tdb.asOwner(fn);
      if (kind === 'pglite') {
        // The embedded database was closed and reopened under the app: rebuild it on the new handle.
        await t!.app.close();
        Object.assign(t!, await make());
      }
      return result;
    },
  };
  return t;
}

/** A browser-like client: keeps the session cookie and sends the CSRF header on state-changing requests. */
export class Agent {
  cookie: string | undefined;
  csrf = 'none';
  constructor(
    readonly t: TestApp,
    readonly ip = '10.0.0.1',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'confidant');
    if (setCookie) this.cookie = setCookie.value ? `confidant=${setCookie.value}` : undefined;
    const json = res.headers['content-type']?.toString().includes('json')
      ? res.json<{ csrfToken?: string }>()
      : undefined;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return res;
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
}

/** A TOTP code for the test clock's current time; moves the clock past the step so the next code is new. */
export async function totp(t: TestApp, manualKey: string): Promise<string> {
  const code = await generate({
    secret: manualKey.replace(/\s+/g, ''),
    epoch: Math.floor(t.clock.now().getTime() / 1000),
  });
  return code;
}

export function nextStep(t: TestApp): void {
  t.clock.advance(30_000);
}

export interface SignedIn {
  agent: Agent;
  userId: string;
  secret: string;
  email: string;
}

/** First-run set-up through the API: organisation, admin, TOTP enrolment. Returns a fully signed-in admin. */
export async function setupOrganisation(
  t: TestApp,
  org = 'Hulplijn Noord',
  email = 'admin@noord.example',
): Promise<SignedIn> {
  const agent = new Agent(t);
  const res = await agent.post('/api/setup', {
    organisationName: org,
    adminName: 'Amina Admin',
    email,
    password: STRONG_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  return enrol(t, agent, email);
}

async function enrol(t: TestApp, agent: Agent, email: string): Promise<SignedIn> {
  const enrolment = (await agent.get('/api/auth/mfa/enrolment')).json<{ manualKey: string }>();
  const res = await agent.post('/api/auth/mfa/enrol', { code: await totp(t, enrolment.manualKey) });
  if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.body}`);
  nextStep(t);
  return {
    agent,
    userId: res.json<{ user: { id: string } }>().user.id,
    secret: enrolment.manualKey,
    email,
  };
}

/** The admin invites a user with the role; the user accepts and enrols. */
export async function inviteAndActivate(
  t: TestApp,
  admin: Agent,
  role: Role,
  email = `${role}.${Math.random().toString(36).slice(2, 8)}@noord.example`,
): Promise<SignedIn> {
  const res = await admin.post('/api/users', { email, displayName: `Test ${role}`, role });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.body}`);
  const token = res.json<{ inviteUrl: string }>().inviteUrl.split('#')[1]!;
  const agent = new Agent(t, `10.0.1.${Math.floor(Math.random() * 200)}`);
  const accept = await agent.post('/api/invites/accept', { token, password: STRONG_PASSWORD });
  if (accept.statusCode !== 200) throw new Error(`accept failed: ${accept.body}`);
  return enrol(t, agent, email);
}

/** Signs in with password and TOTP. */
/** Signed in with the password only (no second factor yet): the session cookie and its CSRF token. */
export async function halfSignIn(
  t: TestApp,
  who: SignedIn,
  ip: string,
): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'x-csrf-token': 'none' },
    payload: { email: who.email, password: STRONG_PASSWORD },
  });
  return {
    cookie: `confidant=${res.cookies.find((k) => k.name === 'confidant')!.value}`,
    csrf: res.json<{ csrfToken: string }>().csrfToken,
  };
}

export async function signIn(t: TestApp, who: SignedIn, ip = '10.0.2.1'): Promise<Agent> {
  const agent = new Agent(t, ip);
  const res = await agent.post('/api/auth/login', { email: who.email, password: STRONG_PASSWORD });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const mfa = await agent.post('/api/auth/mfa', { code: await totp(t, who.secret) });
  if (mfa.statusCode !== 200) throw new Error(`mfa failed: ${mfa.body}`);
  nextStep(t);
  return agent;
}
