import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/roles.js';
import type { Actor } from '../lib/actor.js';
import { canAudit, type AuditAction } from './audit/audit.policy.js';
import { canUser, type UserAction } from './users/users.policy.js';

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

// The emergency table and its four-eyes rules are in emergency/emergency.policy.test.ts.

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
  it('denies the system actor and no actor', () => {
    expect(canUser(undefined, 'user.list')).toBe(false);
    expect(canAudit({ kind: 'system', orgId: 'o' }, 'audit.view')).toBe(false);
  });
});
