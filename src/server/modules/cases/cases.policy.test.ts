import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { canCaseRole, canGrantAccess, caseListScope, type CaseFacts } from './cases.policy.js';

const actor = (role: Role, userId = 'me'): Actor => ({
  kind: 'user',
  userId,
  orgId: 'o',
  role,
  sessionId: 's',
});
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  orgId: 'o',
  state: 'active',
  coordinatorId: 'coord',
  counsellorId: 'someone',
  ...over,
});

describe('cases policy: access grants', () => {
  // Written out by hand: on a case assigned to someone else, only a coordinator may state a reason.
  const ON_OTHERS_CASE: Record<Role, boolean> = {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
    peer_organiser: false,
  };
  it.each(ROLES)('grant on a case assigned to someone else, for %s', (role) =>
    expect(canGrantAccess(actor(role), facts())).toBe(ON_OTHERS_CASE[role]),
  );

  it('refuses a counsellor a grant on their own case', () => {
    expect(canGrantAccess(actor('counsellor', 'me'), facts({ counsellorId: 'me' }))).toBe(false);
  });

  it('refuses other organisations, the system actor and no actor', () => {
    expect(canGrantAccess(actor('coordinator'), facts({ orgId: 'elsewhere' }))).toBe(false);
    expect(canGrantAccess({ kind: 'system', orgId: 'o' }, facts())).toBe(false);
    expect(canGrantAccess(undefined, facts())).toBe(false);
  });
});

describe('cases policy: what lists and search show', () => {
  // Written out by hand: who may list or search cases, and whether it is only their own.
  const LIST: Record<Role, 'all' | 'own' | 'none'> = {
    admin: 'none',
    coordinator: 'all',
    counsellor: 'own',
    analyst: 'none',
    privacy_officer: 'none',
    peer_organiser: 'none',
  };
  it.each(ROLES)('case list and search for %s', (role) => {
    const a = actor(role);
    const shown = !canCaseRole(a, 'case.list') ? 'none' : caseListScope(a).counsellorId ? 'own' : 'all';
    expect(shown).toBe(LIST[role]);
    if (shown === 'own') expect(caseListScope(a)).toEqual({ counsellorId: 'me' });
  });
});
