import type { Role } from '../../shared/roles.js';
import type { Actor, AnyActor } from './actor.js';
import { AppError } from './errors.js';

/** A role table: which roles may perform each action. Absent action or role → deny. */
export type RoleRules<A extends string> = Readonly<Record<A, readonly Role[]>>;

export function allowedByRole<A extends string>(
  rules: RoleRules<A>,
  actor: AnyActor | undefined,
  action: A,
): boolean {
  if (!actor || actor.kind !== 'user') return false;
  const roles = rules[action] as readonly Role[] | undefined;
  return roles?.includes(actor.role) ?? false;
}

/** Throws `forbidden` unless the rule allows it; narrows the actor to a user. */
export function authorizeRole<A extends string>(
  rules: RoleRules<A>,
  actor: AnyActor | undefined,
  action: A,
): asserts actor is Actor {
  if (!allowedByRole(rules, actor, action)) throw new AppError('forbidden');
}
