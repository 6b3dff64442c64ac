import type { Actor, AnyActor } from '../../lib/actor.js';
import { allowedByRole, authorizeRole, type RoleRules } from '../../lib/authorize.js';

export type TrainingAction = 'training.manage' | 'training.mine';

/**
 * Coordinators and the admin keep the courses, sessions and attendance (they decide who is fit to take a
 * case); a counsellor sees their own trainings and what is coming up.
 */
const RULES: RoleRules<TrainingAction> = {
  'training.manage': ['admin', 'coordinator'],
  'training.mine': ['counsellor'],
};

export const canTraining = (actor: AnyActor | undefined, action: TrainingAction): boolean =>
  allowedByRole(RULES, actor, action);

export function authorizeTraining(
  actor: AnyActor | undefined,
  action: TrainingAction,
): asserts actor is Actor {
  authorizeRole(RULES, actor, action);
}

/** Attendance is recorded for counsellors only: a data rule about the attendee, not about the actor. */
export const mayAttendTraining = (user: { role: string }): boolean => user.role === 'counsellor';
