import type { AccountEventKind, FourEyesHealth } from '../../../shared/four-eyes.schema.js';
import { FOUR_EYES_TIE_DAYS } from '../../../shared/four-eyes.schema.js';
import type { Ctx } from '../../lib/context.js';
import { recordAccess } from '../audit/audit.service.js';
import { listAccountEvents, listInviters } from '../users/account-events.repository.js';
import { toAccountEvent } from '../users/account-events.service.js';
import { authorizeEmergency, eligibleFrom, roleMayEmergency } from './emergency.policy.js';
import { getEmergencySettings } from '../organisations/organisations.repository.js';
import * as repo from './emergency.repository.js';

const DAY_MS = 86_400_000;
/** How far back the view looks at requests, and at account events for the facts about them. */
const REQUEST_DAYS = 90;
const FACT_DAYS = REQUEST_DAYS + 90;

type EventFact = { at: Date; kind: AccountEventKind; actor_id: string | null; subject_id: string };

/** Since when `userId` held their role at `at`: account creation, or the last re-activation or role change. */
function inRoleSinceAt(createdAt: Date, events: EventFact[], userId: string, at: Date): Date {
  let since = createdAt;
  for (const e of events)
    if (
      e.subject_id === userId &&
      e.at <= at &&
      e.at > since &&
      (e.kind === 'role_change' || e.kind === 'reactivate')
    )
      since = e.at;
  return since;
}

/** Account changes between two people, either way round, in the 30 days up to `at`. */
function tiesAt(events: EventFact[], a: string, b: string, at: Date): AccountEventKind[] {
  const from = at.getTime() - FOUR_EYES_TIE_DAYS * DAY_MS;
  return events
    .filter(
      (e) =>
        e.at.getTime() > from &&
        e.at <= at &&
        ((e.actor_id === a && e.subject_id === b) || (e.actor_id === b && e.subject_id === a)),
    )
    .map((e) => e.kind);
}

const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/**
 * The privacy officer's view of four eyes: for each recent emergency request, who asked and who decided and
 * whether they were independent; the recent account changes; the accounts still too new; and whether the
 * organisation has at least two independent people who can use the emergency path. No reason, no case.
 */
export async function fourEyesHealth(ctx: Ctx): Promise<FourEyesHealth> {
  authorizeEmergency(ctx.actor, 'emergency.health');
  const orgId = ctx.actor.orgId;
  const now = ctx.clock.now();
  const settings = await getEmergencySettings(ctx.db, orgId);
  const [requests, staff, events, inviters, recent] = await Promise.all([
    repo.listRequestFacts(ctx.db, orgId, new Date(now.getTime() - REQUEST_DAYS * DAY_MS), 200),
    repo.listEmergencyStaff(ctx.db, orgId),
    repo.listEventFacts(ctx.db, orgId, new Date(now.getTime() - FACT_DAYS * DAY_MS)),
    listInviters(ctx.db, orgId),
    listAccountEvents(ctx.db, orgId, new Date(now.getTime() - FOUR_EYES_TIE_DAYS * DAY_MS), 200),
  ]);
  const created = new Map(staff.map((u) => [u.id, u.created_at]));
  const createdOf = async (id: string) => created.get(id) ?? (await repo.getCreatedAt(ctx.db, id));

  const requestItems = [];
  for (const r of requests) {
    const decidedAt = r.decided_at ?? now;
    const inviter = inviters.get(r.requested_by);
    requestItems.push({
      id: r.id,
      status: r.status,
      ground: r.ground,
      requestedAt: r.requested_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      requester: {
        id: r.requested_by,
        name: r.requested_by_name,
        daysInRole: days(
          inRoleSinceAt(await createdOf(r.requested_by), events, r.requested_by, r.requested_at),
          r.requested_at,
        ),
      },
      decider: r.decided_by
        ? {
            id: r.decided_by,
            name: r.decided_by_name ?? '',
            daysInRole: days(
              inRoleSinceAt(await createdOf(r.decided_by), events, r.decided_by, decidedAt),
              decidedAt,
            ),
          }
        : null,
      ties: r.decided_by ? tiesAt(events, r.requested_by, r.decided_by, decidedAt) : [],
      sameInviter: r.decided_by !== null && inviter !== undefined && inviters.get(r.decided_by) === inviter,
    });
  }

  // Who can use the emergency path today: enrolled, active, and in their role long enough.
  const standing = staff
    .filter((u) => u.totp_enrolled_at !== null)
    .map((u) => {
      const since = inRoleSinceAt(u.created_at, events, u.id, now);
      return { ...u, since, from: eligibleFrom(since, settings.minAccountDays) };
    });
  const eligible = standing.filter((u) => u.from <= now);
  const independentPair = eligible.some(
    (c) =>
      roleMayEmergency(c.role, 'emergency.start') &&
      eligible.some((d) => d.id !== c.id && tiesAt(events, c.id, d.id, now).length === 0),
  );

  await recordAccess(ctx, { entity: 'four_eyes', entityId: orgId, purpose: 'oversight' });
  return {
    settings: { ...settings, tieDays: FOUR_EYES_TIE_DAYS },
    requests: requestItems,
    accountEvents: recent.map(toAccountEvent),
    newAccounts: standing
      .filter((u) => u.from > now)
      .map((u) => ({
        id: u.id,
        name: u.display_name,
        role: u.role,
        inRoleSince: u.since.toISOString(),
        eligibleFrom: u.from.toISOString(),
      })),
    approvers: {
      eligible: eligible.map((u) => ({ id: u.id, name: u.display_name, role: u.role })),
      independentPair,
    },
  };
}
