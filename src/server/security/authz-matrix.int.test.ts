import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiRoutes, fillPath, type ApiRoute } from '../test/api-routes.js';
import { day } from '../test/cases-fixtures.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, type Agent, type TestApp } from '../test/harness.js';
import { BODIES } from '../test/valid-bodies.js';
import { buildWorld } from '../test/security-world.js';
import { recordField, WHO, type Records, type Who, type World } from '../test/security-world.records.js';
import { send } from '../test/security-world.requests.js';
import { ANALYST_ROUTES, EXPECTED, NOBODY, PEER, type Rule } from './authz-matrix.expected.js';

/**
 * The endpoint × role × ownership matrix (issue 14): every route of the built app, as every role and as
 * nobody, on the actor's own record, another counsellor's record of the same organisation, another
 * organisation's record and a non-existent id, against the table written out by hand in authz-matrix.expected.ts. A route
 * missing from the table fails the test: a new route must be classified before it ships.
 */

const kinds = await testKinds();

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
