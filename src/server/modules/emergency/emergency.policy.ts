import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';
import { AppError } from '../../lib/errors.js';

export type EmergencyAction = 'emergency.start' | 'emergency.decide';

/** A coordinator starts the emergency path; a second coordinator or an admin decides. */
const RULES: RoleRules<EmergencyAction> = {
  'emergency.start': ['coordinator'],
  'emergency.decide': ['coordinator', 'admin'],
};

export const canEmergency = (actor: AnyActor | undefined, action: EmergencyAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeEmergency(
  actor: AnyActor | undefined,
  action: EmergencyAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}

/** Four eyes: the person who asked never decides, whatever their role. */
export function canDecide(
  actor: AnyActor | undefined,
  request: { requestedBy: string; status: string },
): boolean {
  return (
    canEmergency(actor, 'emergency.decide') &&
    actor?.kind === 'user' &&
    actor.userId !== request.requestedBy &&
    request.status === 'pending'
  );
}

export function assertFourEyes(actor: Actor, requestedBy: string): void {
  if (actor.userId === requestedBy)
    throw new AppError(
      'forbidden',
      'A second person must decide: you cannot approve your own emergency request',
    );
}
