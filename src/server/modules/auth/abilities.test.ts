import { describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/auth.schema.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { abilitiesOf } from './abilities.js';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

// Written out by hand, in navigation order: a change to who sees which screen must change this table too.
const SCREENS: Record<Role, Page[]> = {
  admin: [
    'emergencyApprovals',
    'counsellors',
    'training',
    'partners',
    'publicSite',
    'users',
    'taxonomies',
    'aftercare',
    'matching',
    'places',
    'handbook',
  ],
  coordinator: [
    'intake',
    'cases',
    'emergencyApprovals',
    'counsellors',
    'training',
    'partners',
    'publicSite',
    'reports',
    'matching',
    'handbook',
  ],
  counsellor: ['cases', 'myProfile', 'partners', 'handbook'],
  analyst: ['reports', 'handbook'],
  privacy_officer: ['audit', 'accessLog', 'disclosures', 'fourEyes', 'handbook'],
};

describe('abilities sent to the web', () => {
  it.each(ROLES)('opens the screens its policies allow to %s, and no others', (role) => {
    expect(abilitiesOf(actor(role)).pages).toEqual(SCREENS[role]);
  });

  it('offers search to those who work cases, limiting a counsellor to their own', () => {
    const of = (role: Role) => abilitiesOf(actor(role));
    expect(ROLES.filter((r) => of(r).search)).toEqual(['coordinator', 'counsellor']);
    expect(ROLES.filter((r) => of(r).ownCasesOnly)).toEqual(['counsellor']);
  });

  it('lets coordinators read the matching weights and only the admin change them', () => {
    expect(abilitiesOf(actor('coordinator')).pages).toContain('matching');
    expect(abilitiesOf(actor('coordinator')).editMatchingWeights).toBe(false);
    expect(abilitiesOf(actor('admin')).editMatchingWeights).toBe(true);
  });
});
