import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { DbKind } from './databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from './harness.js';

/** The installation the public-site suites run on: an organisation with its staff, and a second organisation. */
export interface PublicSiteWorld {
  t: TestApp;
  admin: SignedIn;
  coord: SignedIn;
  couns: SignedIn;
  analyst: SignedIn;
  officer: SignedIn;
  otherAdmin: SignedIn;
  otherCoord: SignedIn;
}

/**
 * Sets up a public-site suite on the enclosing `describe` (one app per database kind, closed after it) and
 * returns its world, filled before the first test, with the helpers the suites share: a visit, a callback
 * posted as a person would, and the coordinators' queue.
 */
export function publicSiteWorld(kind: DbKind) {
  const w = {} as PublicSiteWorld;
  let ipCount = 0;
  const nextIp = () => `192.0.2.${++ipCount}`;

  beforeAll(async () => {
    w.t = await createTestApp(kind);
    w.admin = await setupOrganisation(w.t);
    w.coord = await inviteAndActivate(w.t, w.admin.agent, 'coordinator');
    w.couns = await inviteAndActivate(w.t, w.admin.agent, 'counsellor');
    w.analyst = await inviteAndActivate(w.t, w.admin.agent, 'analyst');
    w.officer = await inviteAndActivate(w.t, w.admin.agent, 'privacy_officer');
    // A second organisation on the installation: the public site speaks for the first one.
    await w.t.asOwner((db) => sql`delete from installation`.execute(db));
    w.otherAdmin = await setupOrganisation(w.t, 'Steunpunt Zuid', 'admin@zuid.example');
    w.otherCoord = await inviteAndActivate(w.t, w.otherAdmin.agent, 'coordinator', 'coord@zuid.example');
  });
  afterAll(() => w.t.close());

  const as = (who: SignedIn) => signIn(w.t, who, nextIp());
  const visit = (url: string, headers: Record<string, string> = {}) =>
    w.t.app.inject({ method: 'GET', url, headers, remoteAddress: nextIp() });

  /** Draws the form (its time token), lets a person's few seconds pass, and posts it. */
  async function postCallback(
    fields: Record<string, string>,
    opts: { ip?: string; lang?: string; json?: boolean; wait?: boolean } = {},
  ) {
    const lang = opts.lang ?? 'nl';
    const form = await visit(`/${lang}/callback`);
    const token = /name="t" value="([^"]+)"/.exec(form.body)![1]!;
    if (opts.wait !== false) w.t.clock.advance(10_000);
    const body = { t: token, ...fields };
    return w.t.app.inject({
      method: 'POST',
      url: `/${lang}/callback`,
      remoteAddress: opts.ip ?? nextIp(),
      ...(opts.json
        ? { payload: body, headers: { 'content-type': 'application/json' } }
        : {
            payload: new URLSearchParams(body).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
    });
  }
  const valid = {
    alias: 'Oum Yassin',
    phone: '06 11 22 33 44',
    language: 'ar',
    safeTimes: 'ochtend tussen 10 en 12',
    mayLeaveMessage: 'no',
    question: 'Mijn zoon is veranderd sinds de zomer.',
  };
  const queue = async (who: SignedIn = w.coord) =>
    (await as(who)).get('/api/callbacks').then((r) => r.json<{ items: { id: string; alias: string }[] }>());

  return { world: w, nextIp, as, visit, postCallback, valid, queue };
}
