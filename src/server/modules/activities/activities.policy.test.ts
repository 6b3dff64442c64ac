import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import type { AppError } from '../../lib/errors.js';
import { authorizeActivity, canActivity, type ActivityAction } from './activities.policy.js';

type Cell = { own: boolean; other: boolean };
const yes: Cell = { own: true, other: true };
const no: Cell = { own: false, other: false };
const ownOnly: Cell = { own: true, other: false };

// Written out by hand: "own" is an activity the actor facilitates (or their own hours), "other" one they do
// not. A change to who may do what with activities must change this table too.
const EXPECTED: Record<ActivityAction, Record<Role, Cell>> = {
  'activity.list': {
    admin: yes,
    coordinator: yes,
    counsellor: yes,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
  'activity.plan': {
    admin: yes,
    coordinator: yes,
    counsellor: no,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
  'activity.view': {
    admin: yes,
    coordinator: yes,
    counsellor: ownOnly,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
  'activity.report': {
    admin: yes,
    coordinator: yes,
    counsellor: ownOnly,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
  'activity.task': {
    admin: yes,
    coordinator: yes,
    counsellor: ownOnly,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
  'activity.hours': {
    admin: yes,
    coordinator: yes,
    counsellor: ownOnly,
    analyst: no,
    privacy_officer: no,
    peer_organiser: no,
  },
};

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'me', orgId: 'o', role, sessionId: 's' });
const own = { facilitatorIds: ['someone', 'me'], userId: 'me' };
const other = { facilitatorIds: ['someone'], userId: 'someone' };

describe('activity policy', () => {
  for (const [action, byRole] of Object.entries(EXPECTED) as [ActivityAction, Record<Role, Cell>][]) {
    it.each(ROLES)(`${action} for %s, on their own and on another's`, (role) => {
      expect(canActivity(actor(role), action, own), 'own').toBe(byRole[role].own);
      expect(canActivity(actor(role), action, other), 'other').toBe(byRole[role].other);
    });
    it(`${action} is refused to the system and to nobody`, () => {
      expect(canActivity({ kind: 'system', orgId: 'o' }, action, own)).toBe(false);
      expect(canActivity(undefined, action, own)).toBe(false);
    });
  }

  it('answers 404 for an activity a counsellor may not see, 403 for one they see but may not plan', () => {
    const code = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return (error as AppError).code;
      }
      return 'allowed';
    };
    const c = actor('counsellor');
    expect(code(() => authorizeActivity(c, 'activity.view', other))).toBe('not_found');
    expect(code(() => authorizeActivity(c, 'activity.plan', own))).toBe('forbidden');
    expect(code(() => authorizeActivity(c, 'activity.hours', { userId: 'someone' }))).toBe('not_found');
    expect(code(() => authorizeActivity(actor('analyst'), 'activity.view', own))).toBe('forbidden');
    expect(code(() => authorizeActivity(c, 'activity.report', own))).toBe('allowed');
  });
});
