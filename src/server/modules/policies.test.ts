import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles.js';
import type { Actor } from '../lib/actor.js';
import { canAudit, type AuditAction } from './audit/audit.policy.js';
import { authorizeConsentText } from './consent-text/consent-text.policy.js';
import { canCounsellor, type CounsellorAction } from './counsellors/counsellors.policy.js';
import { canMatching, type MatchingAction } from './matching/matching.policy.js';
import { authorizeNotification } from './notifications/notifications.policy.js';
import { authorizeChecklist } from './organisations/checklist.policy.js';
import { canOrganisation, type OrganisationAction } from './organisations/organisations.policy.js';
import { canPartner, type PartnerAction } from './partners/partners.policy.js';
import { canPlace, type PlaceAction } from './places/places.policy.js';
import { canDisclosure, type DisclosureAction } from './referrals/disclosures.policy.js';
import { canTaxonomy, type TaxonomyAction } from './taxonomies/taxonomies.policy.js';
import { canTraining, type TrainingAction } from './training/training.policy.js';
import { canUser, type UserAction } from './users/users.policy.js';
import { canWork, type WorkAction } from './work/work.policy.js';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

// The expected table, written out by hand: changing a rule must change this test.
const USERS: Record<UserAction, Role[]> = {
  'user.list': ['admin'],
  'user.invite': ['admin'],
  'user.update': ['admin'],
  'user.deactivate': ['admin'],
  'user.reactivate': ['admin'],
  'user.reset_mfa': ['admin'],
  'user.account_alerts': ['admin', 'privacy_officer'],
};
const AUDIT: Record<AuditAction, Role[]> = {
  'audit.view': ['privacy_officer'],
  'audit.verify': ['privacy_officer'],
  'audit.checkpoint': ['privacy_officer'],
  'audit.export': ['privacy_officer'],
  'access.view': ['privacy_officer'],
  'access.export': ['privacy_officer'],
};

const PARTNERS: Record<PartnerAction, Role[]> = {
  'partner.list': ['admin', 'coordinator', 'counsellor'],
  'partner.manage': ['admin', 'coordinator'],
};
const TAXONOMIES: Record<TaxonomyAction, Role[]> = {
  'taxonomy.list': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer', 'peer_organiser'],
  'taxonomy.edit': ['admin'],
};
const MATCHING: Record<MatchingAction, Role[]> = {
  'offer.respond': ['counsellor'],
  'weights.view': ['admin', 'coordinator'],
  'weights.update': ['admin'],
};
const PLACES: Record<PlaceAction, Role[]> = {
  'place.list': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer', 'peer_organiser'],
  'place.manage': ['admin'],
};
const ORGANISATION: Record<OrganisationAction, Role[]> = {
  'organisation.settings.view': ['admin', 'coordinator'],
  'organisation.settings.update': ['admin'],
};
const WORK: Record<WorkAction, Role[]> = {
  'work.mine': ['counsellor', 'coordinator'],
};
const COUNSELLORS: Record<CounsellorAction, Role[]> = {
  'counsellor.options': ['coordinator'],
};
const TRAINING: Record<TrainingAction, Role[]> = {
  'training.manage': ['admin', 'coordinator'],
  'training.mine': ['counsellor'],
};
const DISCLOSURES: Record<DisclosureAction, Role[]> = {
  'disclosure.log': ['privacy_officer'],
  'disclosure.export': ['privacy_officer'],
};
const NOTIFICATIONS: Record<'notification.list' | 'notification.read', Role[]> = {
  'notification.list': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer', 'peer_organiser'],
  'notification.read': ['admin', 'coordinator', 'counsellor', 'analyst', 'privacy_officer', 'peer_organiser'],
};
const CONSENT_TEXT: Record<'consent_text.read', Role[]> = {
  'consent_text.read': ['coordinator', 'counsellor'],
};
const CHECKLIST: Record<'checklist.view' | 'checklist.dismiss', Role[]> = {
  'checklist.view': ['admin'],
  'checklist.dismiss': ['admin'],
};

/** For policies that only export their `authorize*` guard: allowed means it does not throw. */
const allows =
  <A extends string>(guard: (actor: Actor | undefined, action: A) => void) =>
  (actor: Actor | undefined, action: A): boolean => {
    try {
      guard(actor, action);
      return true;
    } catch {
      return false;
    }
  };

const TABLES: [string, Record<string, Role[]>, (actor: Actor | undefined, action: never) => boolean][] = [
  ['partners', PARTNERS, canPartner],
  ['taxonomies', TAXONOMIES, canTaxonomy],
  ['matching', MATCHING, canMatching],
  ['places', PLACES, canPlace],
  ['organisation', ORGANISATION, canOrganisation],
  ['work', WORK, canWork],
  ['counsellors', COUNSELLORS, canCounsellor],
  ['training', TRAINING, canTraining],
  ['disclosures', DISCLOSURES, canDisclosure],
  ['notifications', NOTIFICATIONS, allows(authorizeNotification)],
  ['consent text', CONSENT_TEXT, allows(authorizeConsentText)],
  ['checklist', CHECKLIST, allows(authorizeChecklist)],
];

// The emergency table and its four-eyes rules are in emergency/emergency.policy.test.ts; cases, consent and
// reports have theirs beside them too.

describe('policies: role × action', () => {
  for (const [action, allowed] of Object.entries(USERS) as [UserAction, Role[]][]) {
    it.each(ROLES)(`${action} for %s`, (role) =>
      expect(canUser(actor(role), action)).toBe(allowed.includes(role)),
    );
  }
  for (const [action, allowed] of Object.entries(AUDIT) as [AuditAction, Role[]][]) {
    it.each(ROLES)(`${action} for %s`, (role) =>
      expect(canAudit(actor(role), action)).toBe(allowed.includes(role)),
    );
  }
  for (const [name, table, check] of TABLES) {
    for (const [action, allowed] of Object.entries(table)) {
      it.each(ROLES)(`${name}: ${action} for %s`, (role) =>
        expect((check as (a: Actor | undefined, x: string) => boolean)(actor(role), action)).toBe(
          allowed.includes(role),
        ),
      );
      it(`${name}: ${action} is refused to nobody`, () =>
        expect((check as (a: Actor | undefined, x: string) => boolean)(undefined, action)).toBe(false));
    }
  }
  it('denies the system actor and no actor', () => {
    expect(canUser(undefined, 'user.list')).toBe(false);
    expect(canAudit({ kind: 'system', orgId: 'o' }, 'audit.view')).toBe(false);
  });
});
