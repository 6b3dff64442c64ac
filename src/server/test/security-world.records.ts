import type { Role } from '../../shared/roles.js';
import { type Terms } from './cases-fixtures.js';
import { type Agent, type SignedIn, type TestApp } from './harness.js';

/** What the security world holds: the actors of the matrix, the records of each organisation, and which record a route's parameter names. */

/** The actors of the matrix: the five staff roles and nobody. */
export type Who = Role | 'anonymous';

export const WHO: readonly Who[] = [
  'admin',
  'coordinator',
  'counsellor',
  'analyst',
  'privacy_officer',
  'peer_organiser',
  'anonymous',
];

/** Records that belong to one counsellor's case (or, for org-wide kinds, one of two records). */
export interface Records {
  caseId: string;
  counsellorId: string;
  consentId: string;
  referralId: string;
  meetingId: string;
  emergencyId: string;
  goalId: string;
  taskId: string;
  subjectId: string;
  /** A request id already used for a create on this case (for replay checks). */
  usedRequestId: string;
  offerId: string;
  alertId: string;
  absenceId: string;
  draftId: string;
  userId: string;
  termId: string;
  partnerId: string;
  sessionId: string;
  /** A handbook article of the organisation (the starter handbook's; "other" is another one). */
  articleId: string;
  callbackId: string;
  /** An activity facilitated by this record's counsellor, one follow-up task of it, its type and place. */
  activityId: string;
  activityTaskId: string;
  activityTypeId: string;
  municipalityId: string;
  /** The peer network (organiser only): a member who consented to be linked, a private meeting, and a
   * request from this case to link its caller to a peer parent. */
  peerMemberId: string;
  peerMeetingId: string;
  peerRequestId: string;
}

export interface OrgWorld {
  orgId: string;
  admin: SignedIn;
  admin2: SignedIn;
  coord: SignedIn;
  coord2: SignedIn;
  couns: SignedIn;
  couns2: SignedIn;
  analyst: SignedIn;
  officer: SignedIn;
  organiser: SignedIn;
  tx: Terms;
  own: Records;
  other: Records;
  /** Request ids used by fixtures, to replay. */
  requestIds: string[];
  /** A training course of this organisation. */
  courseId: string;
  /** A saved version of one of the organisation's public pages (the seeded Dutch home page). */
  pageVersionId: string;
  /** Per create route (`POST /api/cases/{id}/goals`…), a request id it already used on the "own" case. */
  replay: Record<string, string>;
}

export interface World {
  t: TestApp;
  a: OrgWorld;
  b: OrgWorld;
  /** Signed-in agents of organisation A, one per role; `anonymous` has none. */
  agents: Record<Role, Agent>;
  /** Signs a fresh session in for a role of organisation A (for requests that end their session). */
  freshAgent(role: Role): Promise<Agent>;
  /** A pending invite token of organisation A, new on every call. */
  inviteToken(): Promise<string>;
}

/** Which fixture record a path parameter names. A route with an unknown parameter fails until it is added. */
export function recordField(route: { path: string }, param: string): keyof Records {
  const direct: Record<string, keyof Records> = {
    consentId: 'consentId',
    referralId: 'referralId',
    meetingId: 'meetingId',
    emergencyId: 'emergencyId',
    absenceId: 'absenceId',
    taskId: 'activityTaskId',
  };
  const peer: [string, keyof Records][] = [
    ['/api/peers/members/', 'peerMemberId'],
    ['/api/peers/meetings/', 'peerMeetingId'],
    ['/api/peers/link-requests/', 'peerRequestId'],
  ];
  const peerHit = param === 'id' ? peer.find(([prefix]) => route.path.startsWith(prefix)) : undefined;
  if (peerHit) return peerHit[1];
  if (direct[param]) return direct[param];
  if (param === 'itemId') return route.path.includes('/goals/') ? 'goalId' : 'taskId';
  if (param !== 'id') throw new Error(`unclassified parameter {${param}} in ${route.path}`);
  const byPrefix: [string, keyof Records][] = [
    ['/api/cases/', 'caseId'],
    ['/api/users/', 'userId'],
    ['/api/taxonomies/', 'termId'],
    ['/api/intake/drafts/', 'draftId'],
    ['/api/alerts/', 'alertId'],
    ['/api/counsellors/', 'counsellorId'],
    ['/api/offers/', 'offerId'],
    ['/api/training/sessions/', 'sessionId'],
    ['/api/partners/', 'partnerId'],
    ['/api/knowledge/articles/', 'articleId'],
    ['/api/callbacks/', 'callbackId'],
    ['/api/activities/types/', 'activityTypeId'],
    ['/api/activities/hours/', 'counsellorId'],
    ['/api/activities/volunteer-record/', 'counsellorId'],
    ['/api/activities/', 'activityId'],
  ];
  const hit = byPrefix.find(([prefix]) => route.path.startsWith(prefix));
  if (!hit) throw new Error(`unclassified parameter {id} in ${route.path}`);
  return hit[1];
}
