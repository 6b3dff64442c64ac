import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import type { Actor, AnyActor } from '../../lib/actor.js';

/**
 * - `peer.view` / `peer.manage`: members, their consents, private meetings and link requests — the
 *   peer-network organiser only (a role that sees no case; the database refuses them case tables too);
 * - `peer.link_request`: asking, on a case, to link its caller to a peer parent and seeing whether that
 *   happened — those who work cases; the case policy decides which case (the service loads it first).
 */
export type PeerAction = 'peer.view' | 'peer.manage' | 'peer.link_request';

const RULES: RoleRules<PeerAction> = {
  'peer.view': ['peer_organiser'],
  'peer.manage': ['peer_organiser'],
  'peer.link_request': ['coordinator', 'counsellor'],
};

export const canPeer = (actor: AnyActor | undefined, action: PeerAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizePeer(actor: AnyActor | undefined, action: PeerAction): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}
