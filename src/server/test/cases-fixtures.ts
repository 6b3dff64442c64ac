import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles.js';
import { inviteAndActivate, setupOrganisation, type Agent, type SignedIn, type TestApp } from './harness.js';

export interface Terms {
  byCode: (kind: string, code: string) => string;
}

/** The organisation's taxonomy, looked up by code. */
export async function terms(agent: Agent): Promise<Terms> {
  const items = (await agent.get('/api/taxonomies')).json<{
    items: { id: string; kind: string; code: string }[];
  }>().items;
  return {
    byCode: (kind, code) => {
      const t = items.find((i) => i.kind === kind && i.code === code);
      if (!t) throw new Error(`no ${kind} ${code}`);
      return t.id;
    },
  };
}

/** A valid intake body; override what the test is about. */
export function intakeBody(t: Terms, overrides: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    channel: 'phone',
    language: 'ary',
    callerAlias: 'Moeder van Y.',
    phone: '06 12 34 56 78',
    relationId: t.byCode('relation', 'mother'),
    municipality: 'Utrecht',
    categoryId: t.byCode('category', 'C1'),
    summary: 'Zoon (17) trekt zich terug en kijkt veel video’s van een prediker.',
    immediateDanger: false,
    callback: { mayCallBack: true, mayLeaveMessage: false, safeTimes: 'na 14:00', safeChannel: 'phone' },
    confidentialityExplained: true,
    outcome: 'open_case',
    ...overrides,
  };
}

export async function openCase(
  agent: Agent,
  t: Terms,
  overrides: Record<string, unknown> = {},
): Promise<{ caseId: string; reference: string }> {
  const res = await agent.post('/api/intake', intakeBody(t, overrides));
  if (res.statusCode !== 200) throw new Error(`intake failed: ${res.body}`);
  const body = res.json<{ caseId: string; caseReference: string }>();
  return { caseId: body.caseId, reference: body.caseReference };
}

export function day(app: TestApp, offsetDays = 0): string {
  return new Date(app.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** An organisation with one person in every role (two coordinators, two counsellors), and its terms. */
export interface Staff {
  admin: SignedIn;
  coord: SignedIn;
  coord2: SignedIn;
  couns: SignedIn;
  couns2: SignedIn;
  analyst: SignedIn;
  officer: SignedIn;
  tx: Terms;
  orgId: string;
}

export async function staffOrganisation(t: TestApp): Promise<Staff> {
  const admin = await setupOrganisation(t);
  const invite = (role: Role) => inviteAndActivate(t, admin.agent, role);
  const coord = await invite('coordinator');
  const staff = {
    admin,
    coord,
    coord2: await invite('coordinator'),
    couns: await invite('counsellor'),
    couns2: await invite('counsellor'),
    analyst: await invite('analyst'),
    officer: await invite('privacy_officer'),
    tx: await terms(coord.agent),
  };
  const session = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
  return { ...staff, orgId: session.organisation.id };
}
