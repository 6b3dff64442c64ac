import type { RetentionSettings } from '../../../shared/retention.schema.js';
import type { Ctx } from '../../lib/context.js';
import { audit } from '../audit/audit.service.js';
import { enqueue } from '../jobs/jobs.service.js';
import { authorizeOrganisation } from './organisations.policy.js';
import { findRetentionSettings, updateRetentionSettings } from './retention.repository.js';

/** The job that moves the erasure day of withdrawn members' notes after the period changed (peers module). */
export const PEER_RESCHEDULE_JOB = 'peer.reschedule_erasures';

/** The retention periods: coordinators read them (their work follows them), the admin too. */
export async function retentionSettings(ctx: Ctx): Promise<RetentionSettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.view');
  return findRetentionSettings(ctx.db, ctx.actor.orgId);
}

/**
 * The admin sets the retention periods (the schema keeps them within 30–365 days). A new period for peer
 * notes applies to members already withdrawn too: a job, run as the peer network's system (an admin sees no
 * peer data), moves their erasure day; the callback purge reads the period each time it runs.
 */
export async function updateRetention(ctx: Ctx, input: RetentionSettings): Promise<RetentionSettings> {
  authorizeOrganisation(ctx.actor, 'organisation.settings.update');
  const before = await findRetentionSettings(ctx.db, ctx.actor.orgId);
  const changed = [
    ...(before.peerNotesDays !== input.peerNotesDays ? ['peer_notes_retention_days'] : []),
    ...(before.callbackDays !== input.callbackDays ? ['callback_retention_days'] : []),
  ];
  if (changed.length === 0) return before;
  const now = ctx.clock.now();
  await updateRetentionSettings(ctx.db, ctx.actor.orgId, input, now);
  if (before.peerNotesDays !== input.peerNotesDays)
    await enqueue(ctx, {
      kind: PEER_RESCHEDULE_JOB,
      runAt: now,
      dedupeKey: `${PEER_RESCHEDULE_JOB}:${ctx.actor.orgId}:${now.toISOString()}`,
    });
  await audit(ctx, {
    action: 'organisation.retention_settings_update',
    entity: 'organisation',
    entityId: ctx.actor.orgId,
    changedFields: changed,
    details: { peerNotesDays: input.peerNotesDays, callbackDays: input.callbackDays },
  });
  return findRetentionSettings(ctx.db, ctx.actor.orgId);
}
