import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { canKnowledge, type KnowledgeAction } from './knowledge.policy.js';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

// Written out by hand: changing a rule must change this table.
const EXPECTED: Record<KnowledgeAction, Record<Role, boolean>> = {
  'knowledge.read': {
    admin: true,
    coordinator: true,
    counsellor: true,
    analyst: true,
    privacy_officer: true,
  },
  'knowledge.edit': {
    admin: true,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
};

describe('knowledge policy: role × action', () => {
  for (const [action, byRole] of Object.entries(EXPECTED) as [KnowledgeAction, Record<Role, boolean>][]) {
    it.each(ROLES)(`${action} for %s`, (role) =>
      expect(canKnowledge(actor(role), action)).toBe(byRole[role]),
    );
  }
  it('denies the system actor and no actor', () => {
    expect(canKnowledge(undefined, 'knowledge.read')).toBe(false);
    expect(canKnowledge({ kind: 'system', orgId: 'o' }, 'knowledge.read')).toBe(false);
    expect(canKnowledge({ kind: 'system', orgId: 'o' }, 'knowledge.edit')).toBe(false);
  });
});
