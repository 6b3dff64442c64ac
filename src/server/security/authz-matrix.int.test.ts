import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.js';
import { apiRoutes, fillPath, type ApiRoute } from '../test/api-routes.js';
import { day } from '../test/cases-fixtures.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, type Agent, type TestApp } from '../test/harness.js';
import { BODIES } from '../test/valid-bodies.js';
import {
  buildWorld,
  recordField,
  send,
  WHO,
  type Records,
  type Who,
  type World,
} from '../test/security-world.js';

/**
 * The endpoint × role × ownership matrix (issue 14): every route of the built app, as every role and as
 * nobody, on the actor's own record, another counsellor's record of the same organisation, another
 * organisation's record and a non-existent id, against the table below written out by hand. A route
 * missing from the table fails the test: a new route must be classified before it ships.
 */

const kinds = await testKinds();

const STAFF: readonly Who[] = ROLES;
const EVERYONE: readonly Who[] = WHO;
const MANAGERS: readonly Who[] = ['admin', 'coordinator'];
const CASE_WORK: readonly Who[] = ['coordinator', 'counsellor'];
const NOBODY: readonly Who[] = [];
const PEER: readonly Who[] = ['peer_organiser'];

/**
 * Who is allowed. `own`: on the actor's own record (or on the route, when it names no record).
 * `other`: on a record of the same organisation that belongs to another counsellor or user (default: `own`).
 * `missing`: on an id that does not exist (only upserts; default: nobody). Another organisation's record
 * is never allowed to anyone, nor a child record under the wrong parent.
 */
/** Everything an analyst may call, written out: a new route for analysts must be added here on purpose. */
const ANALYST_ROUTES: string[] = [
  'GET /api/auth/session',
  'GET /api/health',
  'GET /api/knowledge/articles',
  'GET /api/knowledge/articles/{id}',
  'GET /api/knowledge/articles/{id}/diff',
  'GET /api/knowledge/articles/{id}/versions',
  'GET /api/notifications',
  'GET /api/notifications/unread-count',
  'GET /api/openapi.json',
  'GET /api/organisation/report-settings',
  'GET /api/places/municipalities',
  'GET /api/reports/funder',
  'GET /api/setup/status',
  'GET /api/taxonomies',
  'PATCH /api/me',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/csp-report',
  'POST /api/invites/accept',
  'POST /api/invites/inspect',
  'POST /api/knowledge/search',
  'POST /api/notifications/read-all',
  'POST /api/reports/dashboard',
  'POST /api/reports/export',
  'POST /api/reports/funder/export',
  'POST /api/reports/query',
  'POST /api/setup',
];

interface Rule {
  own: readonly Who[];
  other?: readonly Who[];
  missing?: readonly Who[];
}

/** Case work: the assigned counsellor and the coordinator who took the case in; never another counsellor. */
const onCase = (own: readonly Who[] = CASE_WORK): Rule => ({
  own,
  other: own.filter((r) => r !== 'counsellor'),
});
/** A counsellor's own record (profile, absence, offer, alert); managers see every counsellor's. */
const onCounsellor = (managers: readonly Who[]): Rule => ({
  own: [...managers, 'counsellor'],
  other: managers,
});

const ACTIVITY_STAFF: readonly Who[] = ['admin', 'coordinator', 'counsellor'];
/** An activity: planners on any; a counsellor on the ones they facilitate ("own"), never another's. */
const onActivity = (): Rule => ({ own: ACTIVITY_STAFF, other: MANAGERS });

const EXPECTED: Record<string, Rule> = {
  'GET /api/health': { own: EVERYONE },
  'GET /api/openapi.json': { own: EVERYONE },
  'POST /api/csp-report': { own: EVERYONE }, // public; browsers post violations, it only logs
  'GET /api/setup/status': { own: EVERYONE },
  'POST /api/setup': { own: EVERYONE }, // public; answers 409 once set up
  'POST /api/auth/login': { own: EVERYONE },
  'POST /api/auth/mfa': { own: NOBODY }, // only a half-finished sign-in
  'GET /api/auth/mfa/enrolment': { own: NOBODY },
  'POST /api/auth/mfa/enrol': { own: NOBODY },
  'GET /api/auth/session': { own: STAFF },
  'POST /api/auth/logout': { own: EVERYONE },
  'POST /api/auth/password': { own: STAFF },
  'PATCH /api/me': { own: STAFF },
  'GET /api/users': { own: ['admin'] },
  'POST /api/users': { own: ['admin'] },
  'PATCH /api/users/{id}': { own: ['admin'] },
  'POST /api/users/{id}/deactivate': { own: ['admin'] },
  'POST /api/users/{id}/reactivate': { own: ['admin'] },
  'POST /api/users/{id}/reset-mfa': { own: ['admin'] },
  'POST /api/users/{id}/invite': { own: ['admin'] },
  'POST /api/invites/inspect': { own: EVERYONE },
  'POST /api/invites/accept': { own: EVERYONE },
  'GET /api/audit': { own: ['privacy_officer'] },
  'POST /api/audit/checkpoint': { own: ['privacy_officer'] },
  'GET /api/account-alerts': { own: ['admin', 'privacy_officer'] },
  'GET /api/four-eyes/health': { own: ['privacy_officer'] },
  'GET /api/organisation/emergency-settings': { own: MANAGERS },
  'PUT /api/organisation/emergency-settings': { own: ['admin'] },
  'GET /api/organisation/retention-settings': { own: MANAGERS },
  'PUT /api/organisation/retention-settings': { own: ['admin'] },
  // Reports: aggregated and suppressed; analysts get no row about a person anywhere else in this table.
  'POST /api/reports/query': { own: ['coordinator', 'analyst'] },
  'POST /api/reports/export': { own: ['coordinator', 'analyst'] },
  'POST /api/reports/dashboard': { own: ['coordinator', 'analyst'] },
  // Figures about named counsellors: coordinators only, never analysts.
  'GET /api/reports/caseload': { own: ['coordinator'] },
  // The funder report: published figures and a narrative the coordinator writes; analysts read and download.
  'GET /api/reports/funder': { own: ['coordinator', 'analyst'] },
  'PUT /api/reports/funder': { own: ['coordinator'] },
  'POST /api/reports/funder/export': { own: ['coordinator', 'analyst'] },
  'GET /api/organisation/report-settings': { own: ['admin', 'coordinator', 'analyst', 'privacy_officer'] },
  'PUT /api/organisation/report-settings': { own: ['admin'] },
  'GET /api/consent-text/{language}': { own: CASE_WORK },
  'GET /api/cases/{id}/reach': onCase(),
  'GET /api/cases/{id}/timeline': onCase(),
  'POST /api/cases/{id}/reach/phone': onCase(),
  // Only a typed-name signature waits for a second person; the world's consents are drawn, so nobody may.
  'POST /api/cases/{id}/consents/{consentId}/confirm': { own: NOBODY },
  'POST /api/audit/verify': { own: ['privacy_officer'] },
  'GET /api/audit/actors': { own: ['privacy_officer'] },
  'GET /api/access-log': { own: ['privacy_officer'] },
  'GET /api/audit/export.csv': { own: ['privacy_officer'] },
  'GET /api/access-log/export.csv': { own: ['privacy_officer'] },
  'GET /api/organisation/settings': { own: MANAGERS },
  'GET /api/organisation/checklist': { own: ['admin'] },
  // Admin only; an unfinished checklist answers 409 to the admin (past the role check).
  'POST /api/organisation/checklist/dismiss': { own: ['admin'] },
  'PATCH /api/organisation/settings': { own: ['admin'] },
  'GET /api/taxonomies': { own: STAFF },
  'POST /api/taxonomies': { own: ['admin'] },
  'PATCH /api/taxonomies/{id}': { own: ['admin'] },
  'POST /api/intake': { own: ['coordinator'] },
  'POST /api/intake/lookup': { own: ['coordinator'] },
  'GET /api/intake/drafts': { own: ['coordinator'] },
  // Drafts are per user: "own" is the coordinator's, "other" another coordinator's; a new id is a new draft.
  'PUT /api/intake/drafts/{id}': { own: ['coordinator'], other: NOBODY, missing: ['coordinator'] },
  'DELETE /api/intake/drafts/{id}': { own: ['coordinator'], other: NOBODY },
  'GET /api/cases': { own: CASE_WORK },
  // Search shows what the case list shows: a counsellor finds only their own cases (search.int.test.ts).
  'POST /api/search': { own: CASE_WORK },
  'GET /api/cases/{id}': onCase(),
  'PATCH /api/cases/{id}': onCase(),
  // Only a coordinator states a reason to open a case; a counsellor has no business granting access.
  'POST /api/cases/{id}/access': onCase(['coordinator']),
  'POST /api/cases/{id}/assign': onCase(['coordinator']),
  'POST /api/cases/{id}/transition': onCase(),
  'POST /api/cases/{id}/subjects': onCase(),
  'POST /api/cases/{id}/status-events': onCase(),
  'POST /api/cases/{id}/observations': onCase(),
  'POST /api/cases/{id}/goals': onCase(),
  'POST /api/cases/{id}/log': onCase(),
  'POST /api/cases/{id}/interventions': onCase(),
  'POST /api/cases/{id}/tasks': onCase(),
  'PATCH /api/cases/{id}/goals/{itemId}': onCase(),
  'PATCH /api/cases/{id}/tasks/{itemId}': onCase(),
  'GET /api/my-work': { own: CASE_WORK },
  // An alert is its addressee's alone ("own" is the counsellor's).
  'POST /api/alerts/{id}/read': { own: ['counsellor'], other: NOBODY },
  // Everyone's own notifications; the routes name no record, so nobody reaches anyone else's.
  'GET /api/notifications': { own: STAFF },
  'GET /api/notifications/unread-count': { own: STAFF },
  'POST /api/notifications/read-all': { own: STAFF },
  'GET /api/counsellors/options': { own: ['coordinator'] },
  'GET /api/counsellors': { own: MANAGERS },
  'GET /api/counsellors/{id}': onCounsellor(MANAGERS),
  'PATCH /api/counsellors/{id}': onCounsellor(MANAGERS),
  'GET /api/counsellors/{id}/absences': onCounsellor(MANAGERS),
  'POST /api/counsellors/{id}/absences': onCounsellor(MANAGERS),
  'DELETE /api/counsellors/{id}/absences/{absenceId}': onCounsellor(MANAGERS),
  'GET /api/places/municipalities': { own: STAFF },
  'POST /api/places/municipalities': { own: ['admin'] },
  'GET /api/cases/{id}/shortlist': onCase(['coordinator']),
  'GET /api/cases/{id}/offers': onCase(['coordinator']),
  'POST /api/cases/{id}/offers': onCase(['coordinator']),
  // The waiting list is matching's last option: only a coordinator who may assign the case.
  'POST /api/cases/{id}/waiting-list': onCase(['coordinator']),
  'GET /api/offers': { own: ['counsellor'] },
  'POST /api/offers/{id}/respond': { own: ['counsellor'], other: NOBODY },
  'GET /api/matching/weights': { own: MANAGERS },
  'PUT /api/matching/weights': { own: ['admin'] },
  'GET /api/training': { own: MANAGERS },
  'GET /api/training/mine': { own: ['counsellor'] },
  'POST /api/training/courses': { own: MANAGERS },
  'POST /api/training/sessions': { own: MANAGERS },
  'PUT /api/training/sessions/{id}/attendance': { own: MANAGERS },
  'GET /api/partners': { own: ['admin', 'coordinator', 'counsellor'] },
  // Public site: the admin writes and publishes; coordinators read and print the brochure.
  'GET /api/public-site/pages': { own: MANAGERS },
  'GET /api/public-site/history': { own: MANAGERS },
  'POST /api/public-site/pages': { own: ['admin'] },
  'POST /api/public-site/publish': { own: ['admin'] },
  'GET /api/public-site/brochure': { own: MANAGERS },
  // Callback requests from the public form are intake: coordinators only.
  'GET /api/callbacks': { own: ['coordinator'] },
  'GET /api/callbacks/{id}': { own: ['coordinator'] },
  'POST /api/callbacks/{id}/close': { own: ['coordinator'] },
  'POST /api/partners': { own: MANAGERS },
  'PATCH /api/partners/{id}': { own: MANAGERS },
  // The handbook is the helpline's method, nobody's case: everyone signed in reads it, managers keep it.
  'GET /api/knowledge/articles': { own: STAFF },
  'POST /api/knowledge/articles': { own: MANAGERS },
  'GET /api/knowledge/articles/{id}': { own: STAFF },
  'PATCH /api/knowledge/articles/{id}': { own: MANAGERS },
  'GET /api/knowledge/articles/{id}/versions': { own: STAFF },
  'POST /api/knowledge/articles/{id}/versions': { own: MANAGERS },
  'GET /api/knowledge/articles/{id}/diff': { own: STAFF },
  'POST /api/knowledge/search': { own: STAFF },
  'GET /api/cases/{id}/consents': onCase(),
  'POST /api/cases/{id}/consents': onCase(),
  'POST /api/cases/{id}/consents/{consentId}/sign': onCase(),
  'PUT /api/cases/{id}/consents/{consentId}/document': onCase(),
  'GET /api/cases/{id}/consents/{consentId}/document': onCase(),
  'POST /api/cases/{id}/consents/{consentId}/withdraw': onCase(),
  'GET /api/cases/{id}/consents/{consentId}/form.pdf': onCase(),
  'GET /api/cases/{id}/referrals': onCase(),
  'POST /api/cases/{id}/referrals': onCase(),
  'POST /api/cases/{id}/referrals/{referralId}/send': onCase(),
  'POST /api/cases/{id}/referrals/{referralId}/respond': onCase(),
  'POST /api/cases/{id}/referrals/{referralId}/cancel': onCase(),
  'GET /api/cases/{id}/referrals/{referralId}/summary': onCase(),
  'GET /api/cases/{id}/referrals/{referralId}/summary.pdf': onCase(),
  'GET /api/cases/{id}/referrals/{referralId}/preview': onCase(),
  'GET /api/cases/{id}/disclosures': onCase(),
  'GET /api/disclosures': { own: ['privacy_officer'] },
  'GET /api/disclosures/export.csv': { own: ['privacy_officer'] },
  'GET /api/cases/{id}/emergency': onCase(),
  'POST /api/cases/{id}/emergency': onCase(['coordinator']),
  'GET /api/emergency-requests': { own: MANAGERS },
  'POST /api/emergency-requests/{emergencyId}/decision': { own: MANAGERS },
  'POST /api/emergency-requests/{emergencyId}/disclose': { own: ['coordinator'] },
  'GET /api/emergency-requests/{emergencyId}/summary': { own: ['coordinator'] },
  'GET /api/emergency-requests/{emergencyId}/summary.pdf': { own: ['coordinator'] },
  'GET /api/cases/{id}/meetings': onCase(),
  'POST /api/cases/{id}/meetings': onCase(),
  'GET /api/cases/{id}/meetings/{meetingId}/summary': onCase(),
  'GET /api/cases/{id}/meetings/{meetingId}/summary.pdf': onCase(),
  'POST /api/cases/{id}/meetings/{meetingId}/share': onCase(),
  // Activities: planners plan everything; a counsellor sees, reports on and adds tasks to the ones they facilitate.
  'GET /api/activities': { own: ACTIVITY_STAFF },
  'POST /api/activities': { own: MANAGERS },
  'GET /api/activities/types': { own: ACTIVITY_STAFF },
  'PUT /api/activities/types/{id}/course': { own: MANAGERS },
  'GET /api/activities/facilitator-options': { own: MANAGERS },
  'GET /api/activities/hours/{id}': onCounsellor(MANAGERS),
  'GET /api/activities/volunteer-record/{id}': onCounsellor(MANAGERS),
  'GET /api/activities/{id}': onActivity(),
  'PATCH /api/activities/{id}': { own: MANAGERS },
  'PUT /api/activities/{id}/report': onActivity(),
  'POST /api/activities/{id}/tasks': onActivity(),
  'PATCH /api/activities/{id}/tasks/{taskId}': onActivity(),
  // The peer network is its organiser's alone (and the organiser reaches no case route above); a case
  // worker asks, on their case, for its caller to be linked to a peer parent and sees only the status.
  'GET /api/peers/members': { own: PEER },
  'POST /api/peers/members': { own: PEER },
  'GET /api/peers/members/{id}': { own: PEER },
  'PATCH /api/peers/members/{id}': { own: PEER },
  'POST /api/peers/members/{id}/linking-consent': { own: PEER },
  'POST /api/peers/members/{id}/linking-consent/withdraw': { own: PEER },
  'POST /api/peers/members/{id}/withdraw': { own: PEER },
  'GET /api/peers/meetings': { own: PEER },
  'POST /api/peers/meetings': { own: PEER },
  'GET /api/peers/meetings/{id}': { own: PEER },
  'PATCH /api/peers/meetings/{id}': { own: PEER },
  'POST /api/peers/meetings/{id}/invitations': { own: PEER },
  'GET /api/peers/link-requests': { own: PEER },
  'POST /api/peers/link-requests/{id}/confirm': { own: PEER },
  'POST /api/peers/link-requests/{id}/decline': { own: PEER },
  'GET /api/cases/{id}/peer-link': onCase(),
  'POST /api/cases/{id}/peer-link': onCase(),
};

/** Body fields naming a record of the organisation, which the foreign-reference cells swap. */
const REFERENCE_FIELDS = [
  'counsellorId',
  'userId',
  'partnerId',
  'partnerIds',
  'subjectId',
  'interventionId',
  'categoryId',
  'relationId',
  'courseId',
  'typeId',
  'municipalityId',
  'hostPartnerId',
  'facilitatorIds',
  'assigneeId',
  'sourceActivityId',
  'memberId',
  'memberIds',
];
const foreignFields = (route: ApiRoute) =>
  REFERENCE_FIELDS.filter((f) => route.body?.properties?.[f] !== undefined);

type Ownership = 'none' | 'own' | 'other' | 'otherOrg' | 'missing' | 'crossed';

interface Cell {
  route: ApiRoute;
  who: Who;
  ownership: Ownership;
  /** The body replays a request id already used on the own case. */
  replay: boolean;
  /** The body names another organisation's records (counsellor, partner, subject, term…). */
  foreign: boolean;
}

type Outcome = 'allowed' | 'denied' | 'invalid' | 'error';
function outcome(status: number): Outcome {
  if (status >= 500) return 'error';
  if (status < 400) return 'allowed';
  if ([401, 403, 404].includes(status)) return 'denied';
  return 'invalid';
}

function allowedIn(rule: Rule, who: Who, ownership: Ownership): boolean {
  switch (ownership) {
    case 'none':
    case 'own':
      return rule.own.includes(who);
    case 'other':
      return (rule.other ?? rule.own).includes(who);
    case 'missing':
      return (rule.missing ?? NOBODY).includes(who);
    case 'otherOrg':
    case 'crossed':
      return false;
  }
}

describe.each(kinds)('endpoint × role × ownership matrix on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let routes: ApiRoute[];
  let courseId: string;
  let weights: unknown;

  beforeAll(async () => {
    t = await createTestApp(kind, { API_RATE_LIMIT_PER_MINUTE: '1000000' });
    w = await buildWorld(t);
    routes = apiRoutes(t.app);
    courseId = w.a.courseId;
    weights = (await send(t, w.agents.admin, 'GET', '/api/matching/weights')).json<unknown>();
  }, 900_000);
  afterAll(() => t?.close());

  it('classifies every route of the app, and gives every route with a body a valid one', () => {
    const keys = routes.map((r) => r.key);
    expect(
      keys.filter((k) => !EXPECTED[k]),
      'routes missing from the expectation table',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !keys.includes(k)),
      'table rows for routes that are gone',
    ).toEqual([]);
    expect(
      routes.filter((r) => r.body && !BODIES[r.key]).map((r) => r.key),
      'routes without a body',
    ).toEqual([]);
    for (const r of routes) for (const p of r.params) expect(() => recordField(r, p)).not.toThrow();
  });

  it('never lets a counsellor into another counsellor’s case, nor anyone into another organisation (the table itself)', () => {
    for (const [key, rule] of Object.entries(EXPECTED)) {
      // The peer network's organiser sees no case, and nobody else sees the peer network.
      if (key.includes('/api/cases'))
        expect([...rule.own, ...(rule.other ?? [])], key).not.toContain('peer_organiser');
      if (key.includes('/api/peers/')) expect(rule.own, key).toEqual(PEER);
      if (key.includes('/api/cases/{id}')) expect(rule.other ?? rule.own, key).not.toContain('counsellor');
      if (rule.own.includes('anonymous'))
        expect(key, 'only sign-in, set-up and health are open').toMatch(
          /^(GET \/api\/(health|openapi\.json|setup\/status)|POST \/api\/(setup|csp-report|auth\/(login|logout)|invites\/(inspect|accept)))$/,
        );
    }
  });

  it('gives analysts aggregated reports and their own account, never a row about a person (the table itself)', () => {
    const forAnalysts = Object.entries(EXPECTED)
      .filter(([, rule]) => rule.own.includes('analyst'))
      .map(([key]) => key)
      .sort();
    expect(forAnalysts).toEqual(ANALYST_ROUTES);
  });

  it('answers every cell as the table says: zero unexpected allows, zero 5xx', async () => {
    const cells: Cell[] = [];
    for (const route of routes) {
      const ownerships: Ownership[] =
        route.params.length === 0
          ? ['none']
          : [
              'own',
              'other',
              'otherOrg',
              'missing',
              ...(route.params.length > 1 ? (['crossed'] as const) : []),
            ];
      for (const who of WHO)
        for (const ownership of ownerships) {
          cells.push({ route, who, ownership, replay: false, foreign: false });
          const allowed = allowedIn(EXPECTED[route.key]!, who, ownership);
          if (!allowed && w.a.replay[route.key])
            cells.push({ route, who, ownership, replay: true, foreign: false });
          if (allowed && route.body && foreignFields(route).length)
            cells.push({ route, who, ownership, replay: false, foreign: true });
        }
    }

    const problems: string[] = [];
    const tally = { cells: 0, allowed2xx: 0, allowedOther: [] as string[], replays: 0, foreign: 0 };
    const started = Date.now();
    for (const cell of cells) {
      const { route, who, ownership } = cell;
      const rec = await recordsFor(cell);
      const values: Record<string, string> = {};
      route.params.forEach((p, i) => {
        const field = recordField(route, p);
        const source = ownership === 'crossed' && i > 0 ? w.a.other : rec;
        values[p] = ownership === 'missing' ? randomUUID() : source[field];
      });
      const url = fillPath(route.path, values);
      const token = route.key.startsWith('POST /api/invites/') ? await w.inviteToken() : '';
      let body = BODIES[route.key]?.({ w, rec, token, courseId, weights });
      if (cell.replay && body) body = { ...body, requestId: w.a.replay[route.key] };
      if (cell.foreign && body) body = { ...body, ...foreignRefs(route) };
      const agent = await agentFor(route, who);
      const res = await send(t, agent, route.method, url, body);
      tally.cells += 1;
      if (cell.replay) tally.replays += 1;
      if (cell.foreign) tally.foreign += 1;
      const got = outcome(res.statusCode);
      // Naming another organisation's records in the body is never allowed, whoever asks.
      const allowed = !cell.foreign && allowedIn(EXPECTED[route.key]!, who, ownership);
      const label =
        `${route.key} as ${who} on ${ownership}` +
        (cell.replay
          ? ' (replayed request id)'
          : cell.foreign
            ? ` (body names ${foreignFields(route).join(', ')} of another organisation)`
            : '');
      const detail = `${res.statusCode} ${res.body.slice(0, 160)}`;
      if (got === 'error') problems.push(`5xx: ${label} → ${detail}`);
      else if (allowed && got === 'denied') problems.push(`unexpected deny: ${label} → ${detail}`);
      else if (!allowed && got === 'allowed') problems.push(`UNEXPECTED ALLOW: ${label} → ${detail}`);
      else if (!allowed && got === 'invalid' && !cell.foreign)
        problems.push(`denial decided after validation: ${label} → ${detail}`);
      else if (who === 'anonymous' && !allowed && res.statusCode !== 401)
        problems.push(`anonymous not 401: ${label} → ${detail}`);
      else if (allowed && got === 'allowed') tally.allowed2xx += 1;
      else if (allowed) tally.allowedOther.push(`${label} → ${res.statusCode}`);
    }
    process.stdout.write(
      `[matrix ${kind}] ${routes.length} routes × ${WHO.length} actors × ownership: ${tally.cells} cells ` +
        `(${tally.replays} with a replayed request id, ${tally.foreign} naming another organisation's records in the body), ` +
        `${tally.allowed2xx} allowed with 2xx, ` +
        `${tally.allowedOther.length} allowed but refused by state or input, in ${Date.now() - started} ms\n`,
    );
    if (process.env.MATRIX_VERBOSE) process.stdout.write(`${tally.allowedOther.join('\n')}\n`);
    expect(problems).toEqual([]);
  }, 900_000);

  /** Body fields that reference records, as another organisation's values (a foreign counsellor, partner…). */
  function foreignRefs(route: ApiRoute): Record<string, unknown> {
    const b = w.b;
    const all: Record<string, unknown> = {
      counsellorId: b.own.counsellorId,
      userId: b.own.counsellorId,
      partnerId: b.own.partnerId,
      partnerIds: [b.own.partnerId],
      subjectId: b.own.subjectId,
      interventionId: b.tx.byCode('intervention', 'I1'),
      categoryId: b.tx.byCode('category', 'C1'),
      relationId: b.tx.byCode('relation', 'mother'),
      courseId: b.courseId,
      typeId: b.own.activityTypeId,
      municipalityId: b.own.municipalityId,
      hostPartnerId: b.own.partnerId,
      facilitatorIds: [b.own.counsellorId],
      assigneeId: b.own.counsellorId,
      sourceActivityId: b.own.activityId,
      memberId: b.own.peerMemberId,
      memberIds: [b.own.peerMemberId],
    };
    const refs = Object.fromEntries(foreignFields(route).map((f) => [f, all[f]]));
    // A consent names a partner or a partner type, not both: name the foreign partner alone.
    return route.body?.properties?.partnerType ? { ...refs, partnerType: null } : refs;
  }

  /** The records a cell targets. Consumed records (drafts, absences) are made fresh for each cell. */
  async function recordsFor(cell: Cell): Promise<Records> {
    const base = cell.ownership === 'other' ? w.a.other : cell.ownership === 'otherOrg' ? w.b.own : w.a.own;
    const rec = { ...base };
    if (cell.ownership === 'missing' || cell.ownership === 'none') return rec;
    const org = cell.ownership === 'otherOrg' ? w.b : w.a;
    if (cell.route.key === 'DELETE /api/intake/drafts/{id}') {
      rec.draftId = randomUUID();
      const agent =
        cell.ownership === 'own'
          ? w.agents.coordinator
          : cell.ownership === 'other'
            ? org.coord2.agent
            : org.coord.agent;
      const res = await send(t, agent, 'PUT', `/api/intake/drafts/${rec.draftId}`, { data: { n: 1 } });
      if (res.statusCode !== 200) throw new Error(`draft fixture: ${res.body}`);
    }
    if (cell.route.key === 'DELETE /api/counsellors/{id}/absences/{absenceId}') {
      const agent = cell.ownership === 'otherOrg' ? org.coord.agent : w.agents.coordinator;
      const res = await send(t, agent, 'POST', `/api/counsellors/${rec.counsellorId}/absences`, {
        fromDate: day(t, 120),
        toDate: day(t, 121),
      });
      if (res.statusCode !== 201) throw new Error(`absence fixture: ${res.body}`);
      rec.absenceId = res.json<{ id: string }>().id;
    }
    return rec;
  }

  /** The agent of a role; a fresh session where the request ends it. */
  async function agentFor(route: ApiRoute, who: Who): Promise<Agent | undefined> {
    if (who === 'anonymous') return undefined;
    if (route.key === 'POST /api/auth/logout') return w.freshAgent(who);
    return w.agents[who];
  }
});
