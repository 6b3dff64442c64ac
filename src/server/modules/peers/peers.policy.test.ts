import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { canPeer, type PeerAction } from './peers.policy.js';

// Written out by hand: the peer network is its organiser's alone; case workers only ask for a link.
const EXPECTED: Record<PeerAction, Record<Role, boolean>> = {
  'peer.view': {
    admin: false,
    coordinator: false,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
    peer_organiser: true,
  },
  'peer.manage': {
    admin: false,
    coordinator: false,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
    peer_organiser: true,
  },
  'peer.link_request': {
    admin: false,
    coordinator: true,
    counsellor: true,
    analyst: false,
    privacy_officer: false,
    peer_organiser: false,
  },
};

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

describe('peers policy', () => {
  for (const action of Object.keys(EXPECTED) as PeerAction[]) {
    it.each(ROLES)(`${action} for %s`, (role) =>
      expect(canPeer(actor(role), action)).toBe(EXPECTED[action][role]),
    );
    it(`${action} is refused to the system actor and to nobody`, () => {
      expect(canPeer({ kind: 'system', orgId: 'o' }, action)).toBe(false);
      expect(canPeer(undefined, action)).toBe(false);
    });
  }
});
