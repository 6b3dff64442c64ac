import { ROLES } from '../../shared/roles.js';
import { WHO, type Who } from '../test/security-world.records.js';

/**
 * The expected table of the endpoint × role × ownership matrix (authz-matrix.int.test.ts), written out by
 * hand: changing who may call a route must change this file.
 */

const STAFF: readonly Who[] = ROLES;
const EVERYONE: readonly Who[] = WHO;
const MANAGERS: readonly Who[] = ['admin', 'coordinator'];
const CASE_WORK: readonly Who[] = ['coordinator', 'counsellor'];
export const NOBODY: readonly Who[] = [];
export const PEER: readonly Who[] = ['peer_organiser'];

/** Everything an analyst may call, written out: a new route for analysts must be added here on purpose. */
export const ANALYST_ROUTES: string[] = [
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

export /**
 * Who is allowed. `own`: on the actor's own record (or on the route, when it names no record).
 * `other`: on a record of the same organisation that belongs to another counsellor or user (default: `own`).
 * `missing`: on an id that does not exist (only upserts; default: nobody). Another organisation's record
 * is never allowed to anyone, nor a child record under the wrong parent.
 */
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

export const EXPECTED: Record<string, Rule> = {
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
