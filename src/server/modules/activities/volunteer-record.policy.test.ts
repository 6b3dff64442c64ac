import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import type { AppError } from '../../lib/errors.js';
import { authorizeVolunteerRecord, canVolunteerRecord } from './volunteer-record.policy.js';

type Cell = { own: boolean; other: boolean };
const yes: Cell = { own: true, other: true };
const no: Cell = { own: false, other: false };

// Written out by hand: "own" is the actor's own record, "other" a colleague's.
const EXPECTED: Record<Role, Cell> = {
  admin: yes,
  coordinator: yes,
  counsellor: { own: true, other: false },
  analyst: no,
  privacy_officer: no,
  peer_organiser: no,
};

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u-self', orgId: 'org', role, sessionId: 's' });

describe('volunteer record policy', () => {
  it('covers every role', () => expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort()));
  for (const role of ROLES) {
    it(`${role}: own ${EXPECTED[role].own}, other ${EXPECTED[role].other}`, () => {
      expect(canVolunteerRecord(actor(role), 'volunteer_record.view', { userId: 'u-self' })).toBe(
        EXPECTED[role].own,
      );
      expect(canVolunteerRecord(actor(role), 'volunteer_record.view', { userId: 'u-other' })).toBe(
        EXPECTED[role].other,
      );
    });
  }
  it('denies the system and anonymous callers', () => {
    expect(canVolunteerRecord(undefined, 'volunteer_record.view', { userId: 'x' })).toBe(false);
    expect(
      canVolunteerRecord({ kind: 'system', orgId: 'org' }, 'volunteer_record.view', { userId: 'x' }),
    ).toBe(false);
  });
  it("hides a colleague's record from a counsellor as missing, refuses other roles outright", () => {
    const code = (role: Role) => {
      try {
        authorizeVolunteerRecord(actor(role), 'volunteer_record.view', { userId: 'u-other' });
        return 'ok';
      } catch (err) {
        return (err as AppError).code;
      }
    };
    expect(code('counsellor')).toBe('not_found');
    expect(code('analyst')).toBe('forbidden');
    expect(code('coordinator')).toBe('ok');
  });
});
