import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import {
  authorizeDecide,
  authorizeStart,
  canEmergency,
  decideRefusal,
  startRefusal,
  type EmergencyAction,
  type Standing,
} from './emergency.policy.js';

const actor = (role: Role, userId = 'me'): Actor => ({
  kind: 'user',
  userId,
  orgId: 'o',
  role,
  sessionId: 's',
});
const NOW = new Date('2026-03-20T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const standing = (over: Partial<Standing> = {}): Standing => ({
  now: NOW,
  inRoleSince: daysAgo(30),
  minAccountDays: 7,
  tiedTo: new Set(),
  ...over,
});
const pending = { requestedBy: 'requester', status: 'pending' };

// The expected table, written out by hand: changing a rule must change this test.
const TABLE: Record<EmergencyAction, Role[]> = {
  'emergency.start': ['coordinator'],
  'emergency.decide': ['coordinator', 'admin'],
  'emergency.disclose': ['coordinator'],
  'emergency.health': ['privacy_officer'],
};

describe('emergency policy: role × action', () => {
  for (const [action, allowed] of Object.entries(TABLE) as [EmergencyAction, Role[]][]) {
    it.each(ROLES)(`${action} for %s`, (role) =>
      expect(canEmergency(actor(role), action)).toBe(allowed.includes(role)),
    );
  }

  // Start and decide with every role and a clean standing: only the table's roles get through.
  it.each(ROLES)('start and decide with a clean standing for %s', (role) => {
    expect(startRefusal(actor(role), standing()) === null).toBe(TABLE['emergency.start'].includes(role));
    expect(decideRefusal(actor(role), pending, standing()) === null).toBe(
      TABLE['emergency.decide'].includes(role),
    );
  });

  it('denies the system actor, no actor, and an actor whose standing could not be loaded', () => {
    expect(canEmergency(undefined, 'emergency.start')).toBe(false);
    expect(canEmergency({ kind: 'system', orgId: 'o' }, 'emergency.decide')).toBe(false);
    expect(startRefusal(actor('coordinator'), undefined)).toBe('role');
    expect(decideRefusal(actor('admin'), pending, undefined)).toBe('role');
    expect(() => authorizeStart(actor('coordinator'), undefined)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe('emergency policy: four eyes that one admin cannot defeat', () => {
  it('never lets the requester decide, whatever the role', () => {
    for (const role of ['coordinator', 'admin'] as const)
      expect(decideRefusal(actor(role, 'requester'), pending, standing())).toBe('own_request');
  });

  it('refuses a second person tied to the requester by an account change, in either direction', () => {
    // The standing's tie set is symmetric: it holds whom I invited, re-activated, promoted or reset, and who did that to me.
    const tied = standing({ tiedTo: new Set(['requester']) });
    expect(decideRefusal(actor('admin'), pending, tied)).toBe('tied_to_requester');
    expect(decideRefusal(actor('coordinator'), pending, tied)).toBe('tied_to_requester');
    expect(() => authorizeDecide(actor('admin'), pending, tied)).toThrow(
      expect.objectContaining({ code: 'not_independent', status: 403 }),
    );
    expect(
      decideRefusal(actor('admin'), pending, standing({ tiedTo: new Set(['someone-else']) })),
    ).toBeNull();
  });

  it('keeps accounts new in their role off the emergency path until the organisation minimum has passed', () => {
    const fresh = standing({ inRoleSince: daysAgo(6.9) });
    expect(startRefusal(actor('coordinator'), fresh)).toBe('account_too_new');
    expect(decideRefusal(actor('coordinator'), pending, fresh)).toBe('account_too_new');
    expect(decideRefusal(actor('admin'), pending, fresh)).toBe('account_too_new');
    expect(() => authorizeStart(actor('coordinator'), fresh)).toThrow(
      expect.objectContaining({ code: 'account_too_new', status: 403 }),
    );
    expect(startRefusal(actor('coordinator'), standing({ inRoleSince: daysAgo(7) }))).toBeNull();
    // A stricter organisation setting.
    expect(
      startRefusal(actor('coordinator'), standing({ inRoleSince: daysAgo(10), minAccountDays: 14 })),
    ).toBe('account_too_new');
  });

  it('lets nobody decide twice', () => {
    expect(decideRefusal(actor('admin'), { ...pending, status: 'approved' }, standing())).toBe('not_pending');
  });
});
