import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { inOrg } from '../db/database.js';
import { sealText } from '../lib/fields.js';
import { phoneIndex } from '../modules/intake/phone.js';
import { insertCallback } from '../modules/public-site/public-site.repository.js';
import type { Role } from '../../shared/roles.js';
import { terms } from './cases-fixtures.js';
import {
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from './harness.js';
import type { OrgWorld } from './security-world.records.js';

/** Requests the security world is built with, and the records it makes outside the case world: staff, training sessions, emergency requests, a public callback. */

let ipCounter = 0;
/** A new client address per request: the per-IP limits of sign-in and the API must not decide a cell. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${100 + ((ipCounter >> 16) & 0x7f)}.${(ipCounter >> 8) & 0xff}.${ipCounter & 0xff}`;
}

/** One request as `agent` (or nobody), without keeping any cookie it sets: the agent's session stays as it was. */
export async function send(
  t: TestApp,
  agent: Agent | undefined,
  method: string,
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: nextIp(),
    headers: {
      ...(agent?.cookie ? { cookie: agent.cookie } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': agent?.csrf ?? 'none' } : {}),
      ...(body !== undefined && typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

export function ok(
  res: LightMyRequestResponse,
  what: string,
  status = [200, 201, 204],
): LightMyRequestResponse {
  if (!status.includes(res.statusCode)) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res;
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export async function trainingSession(
  t: TestApp,
  coord: Agent,
  label: string,
): Promise<{ id: string; courseId: string }> {
  const course = ok(
    await coord.post('/api/training/courses', {
      name: `Basistraining ${label}`,
      kind: 'basic',
      validityMonths: 24,
    }),
    'course',
  ).json<{ id: string }>();
  const session = ok(
    await coord.post('/api/training/sessions', {
      courseId: course.id,
      startsAt: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
      place: 'Utrecht',
      trainer: 'SMN',
    }),
    'session',
  ).json<{ id: string }>().id;
  return { id: session, courseId: course.id };
}

/** One organisation, set up and staffed through the API; coord2 is invited by a second admin (see four eyes). */
export async function staff(t: TestApp, name: string, domain: string, full: boolean) {
  const admin = await setupOrganisation(t, name, `admin@${domain}`);
  const invite = (by: SignedIn, role: Role) =>
    inviteAndActivate(t, by.agent, role, `${role}.${randomUUID().slice(0, 8)}@${domain}`);
  const admin2 = await invite(admin, 'admin');
  const s = {
    admin,
    admin2,
    coord: await invite(admin, 'coordinator'),
    coord2: await invite(admin2, 'coordinator'),
    couns: await invite(admin, 'counsellor'),
    couns2: await invite(admin, 'counsellor'),
    // Organisation B only owns records: it needs no analyst or privacy officer of its own to sign in.
    analyst: full ? await invite(admin, 'analyst') : admin,
    officer: full ? await invite(admin, 'privacy_officer') : admin,
    organiser: await invite(admin, 'peer_organiser'),
  };
  const session = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
  return { ...s, orgId: session.organisation.id, tx: await terms(s.coord.agent) };
}

export type Staffed = Awaited<ReturnType<typeof staff>>;

/**
 * Emergency requests need a requester and an approver who are independent of each other and of the admin
 * actor, on accounts older than a week: coord2 (invited by admin2) asks, coord approves.
 */
export async function emergencies(t: TestApp, w: OrgWorld): Promise<void> {
  const c2 = await signIn(t, w.coord2, nextIp());
  const c = await signIn(t, w.coord, nextIp());
  for (const rec of [w.own, w.other]) {
    ok(
      await c2.post(`/api/cases/${rec.caseId}/access`, { reason: 'Spoed: dienstdoend coördinator' }),
      'grant',
    );
    const requestId = randomUUID();
    w.requestIds.push(requestId);
    w.replay['POST /api/cases/{id}/emergency'] ??= requestId;
    const id = ok(
      await c2.post(`/api/cases/${rec.caseId}/emergency`, {
        requestId,
        ground: 'danger_to_life',
        legalBasis: 'vital_interest',
        reason: 'Zoon heeft vertrek aangekondigd voor morgen; direct gevaar voor zijn leven.',
        partnerId: rec.partnerId,
        categories: ['contact_details'],
        channel: 'phone',
        informCaller: true,
      }),
      'emergency',
    ).json<{ id: string }>().id;
    ok(await c.post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' }), 'approve');
    rec.emergencyId = id;
  }
  // The clock moved on: these sessions replace the expired ones, for fixtures made during the tests.
  w.coord.agent = c;
  w.coord2.agent = c2;
}

/** A callback request as the public form leaves one (sealed, phone indexed), in an organisation's queue. */
export async function callbackRequest(t: TestApp, orgId: string): Promise<string> {
  return inOrg(t.deps.db, orgId, async (trx) => {
    const ctx = { db: trx, actor: { kind: 'system' as const, orgId }, keyring: t.deps.keyring };
    const id = randomUUID();
    await insertCallback(trx, {
      id,
      org_id: orgId,
      language: 'ar',
      alias_enc: await sealText(ctx, 'callback_requests', 'alias', id, 'Umm Y.'),
      phone_enc: await sealText(ctx, 'callback_requests', 'phone', id, '+31612345678'),
      phone_hmac: await phoneIndex(ctx, '+31612345678'),
      safe_times_enc: await sealText(ctx, 'callback_requests', 'safe_times', id, 'ochtend'),
      may_leave_message: false,
      question_enc: null,
      status: 'open',
      created_at: t.clock.now(),
    });
    return id;
  });
}
