import type { Role } from '../../../shared/roles.js';
import type { Actor, AnyActor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/**
 * - `activity.list`: the calendar (a counsellor's is scoped to what they facilitate, in the repository).
 * - `activity.plan`: create, edit, cancel, pick facilitators, set the training a type requires.
 * - `activity.view` / `activity.report` / `activity.task`: one activity; a counsellor only their own.
 * - `activity.hours`: a facilitator's hours; a counsellor only their own.
 */
export type ActivityAction =
  | 'activity.list'
  | 'activity.plan'
  | 'activity.view'
  | 'activity.report'
  | 'activity.task'
  | 'activity.hours';

/** What a record-level decision needs: who facilitates the activity, or whose hours are asked for. */
export interface ActivityResource {
  facilitatorIds?: readonly string[];
  userId?: string;
}

const PLANNERS = ['admin', 'coordinator'] as const;
const OWN_FOR_COUNSELLOR: ReadonlySet<ActivityAction> = new Set([
  'activity.list',
  'activity.view',
  'activity.report',
  'activity.task',
  'activity.hours',
]);

/** Deny by default: analysts, privacy officers, the system and anyone not named here get nothing. */
export function canActivity(
  actor: AnyActor | undefined,
  action: ActivityAction,
  resource: ActivityResource = {},
): boolean {
  if (!actor || actor.kind !== 'user') return false;
  if ((PLANNERS as readonly string[]).includes(actor.role)) return true;
  if (actor.role !== 'counsellor' || !OWN_FOR_COUNSELLOR.has(action)) return false;
  switch (action) {
    case 'activity.list':
      return true;
    case 'activity.hours':
      return resource.userId === actor.userId;
    default:
      return resource.facilitatorIds?.includes(actor.userId) ?? false;
  }
}

/** Throws `forbidden` for route-level denials, `not_found` for a record the actor may not see. */
export function authorizeActivity(
  actor: AnyActor | undefined,
  action: ActivityAction,
  resource?: ActivityResource,
): asserts actor is Actor {
  if (canActivity(actor, action, resource)) return;
  // A record the actor may not even see answers like a missing one; one they see but may not change, 403.
  const hidden =
    resource !== undefined &&
    canActivity(actor, 'activity.list') &&
    !canActivity(actor, resource.userId !== undefined ? 'activity.hours' : 'activity.view', resource);
  throw hidden ? new AppError('not_found', 'No such activity') : new AppError('forbidden');
}

/** Who may be picked to facilitate an activity: counsellors and the staff who plan. */
export const FACILITATOR_ROLES = ['counsellor', 'coordinator', 'admin'] as const satisfies readonly Role[];

/** Volunteers need the training an activity type requires; staff facilitate on their own responsibility. */
export const needsTrainingToFacilitate = (role: Role): boolean => role === 'counsellor';

/** Whether the actor sees every activity of the organisation, or only the ones they facilitate. */
export const seesAllActivities = (actor: AnyActor | undefined): boolean =>
  canActivity(actor, 'activity.plan');
