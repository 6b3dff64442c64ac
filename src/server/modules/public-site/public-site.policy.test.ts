import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { canPublicSite, type PublicSiteAction } from './public-site.policy.js';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

/** Written out by hand: role × action → allowed. */
const TABLE: Record<PublicSiteAction, Record<Role, boolean>> = {
  'site.view': { admin: true, coordinator: true, counsellor: false, analyst: false, privacy_officer: false },
  'site.edit': { admin: true, coordinator: false, counsellor: false, analyst: false, privacy_officer: false },
  'site.brochure': {
    admin: true,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'callback.list': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'callback.open': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'callback.close': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'callback.complete': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
};

describe('public site policy', () => {
  for (const [action, row] of Object.entries(TABLE) as [PublicSiteAction, Record<Role, boolean>][]) {
    for (const role of ROLES) {
      it(`${role} ${row[role] ? 'may' : 'may not'} ${action}`, () => {
        expect(canPublicSite(actor(role), action)).toBe(row[role]);
      });
    }
  }

  it('denies nobody-signed-in and the system actor', () => {
    for (const action of Object.keys(TABLE) as PublicSiteAction[]) {
      expect(canPublicSite(undefined, action)).toBe(false);
      expect(canPublicSite({ kind: 'system', orgId: 'o' }, action)).toBe(false);
    }
  });
});
