import { randomUUID } from 'node:crypto';
import {
  type PeerConsent,
  type PeerMember,
  type PeerMemberCreate,
  type PeerMemberSummary,
  type PeerMemberUpdate,
} from '../../../shared/peers.schema.js';
import type { Ctx } from '../../lib/context.js';
import { addDays, instantAt } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { openOptional, openText, sealOptional, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { todayOf } from '../organisations/today.js';
import { enqueue } from '../jobs/jobs.service.js';
import { getTimeZone } from '../organisations/organisations.repository.js';
import { findRetentionSettings } from '../organisations/retention.repository.js';
import { authorizePeer } from './peers.policy.js';
import * as repo from './peers.repository.js';

/** Members of the private peer network, their consents and withdrawal. Only the organiser reaches here. */

const T = 'peer_members';

type ConsentRow = Awaited<ReturnType<typeof repo.consentsOf>>[number];

const invalid = (field: string, reason: string, message: string) =>
  new AppError('validation_failed', undefined, { errors: [{ field, reason, message }] });

function toConsent(r: ConsentRow): PeerConsent {
  return {
    id: r.id,
    kind: r.kind,
    method: r.method,
    givenOn: r.given_on,
    recordedBy: r.recorded_by_name ?? '',
    recordedAt: r.recorded_at.toISOString(),
    withdrawnOn: r.withdrawn_on,
  };
}

const hasActive = (consents: readonly ConsentRow[], kind: 'membership' | 'linking') =>
  consents.some((c) => c.kind === kind && c.withdrawn_on === null);

async function toSummary(
  ctx: Ctx,
  r: repo.MemberRow,
  consents: readonly ConsentRow[],
): Promise<PeerMemberSummary> {
  return {
    id: r.id,
    alias: await openText(ctx, T, 'alias', r.id, r.alias_enc),
    language: r.language,
    status: r.status,
    joinedOn: r.joined_on,
    withdrawnOn: r.withdrawn_on,
    hasEmail: r.email_enc !== null,
    canBeLinked: r.status === 'active' && hasActive(consents, 'linking'),
  };
}

/** Loads a member of the actor's organisation; anything else is simply not found. */
async function loadMember(ctx: Ctx, id: string) {
  const row = await repo.findMember(ctx.db, id);
  if (!row || row.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such member');
  return row;
}

export async function listMembers(ctx: Ctx): Promise<{ items: PeerMemberSummary[] }> {
  authorizePeer(ctx.actor, 'peer.view');
  const rows = await repo.listMembers(ctx.db, ctx.actor.orgId);
  const consents = await repo.consentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  await recordAccess(ctx, { entity: 'peer_member', entityId: '*', purpose: 'peer_network' });
  return {
    items: await Promise.all(
      rows.map((r) =>
        toSummary(
          ctx,
          r,
          consents.filter((c) => c.member_id === r.id),
        ),
      ),
    ),
  };
}

export async function getMember(ctx: Ctx, id: string): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.view');
  const row = await loadMember(ctx, id);
  const consents = await repo.consentsOf(ctx.db, [id]);
  await recordAccess(ctx, { entity: 'peer_member', entityId: id, purpose: 'peer_network' });
  return {
    ...(await toSummary(ctx, row, consents)),
    phone: await openOptional(ctx, T, 'phone', id, row.phone_enc),
    email: await openOptional(ctx, T, 'email', id, row.email_enc),
    notes: await openOptional(ctx, T, 'notes', id, row.notes_enc),
    notesEraseOn: row.notes_erase_on,
    notesErased: row.notes_erased_at !== null,
    consents: consents.map(toConsent),
  };
}

/** Nobody joins without a recorded membership consent: it is part of the same request. */
const createMemberOnce = idempotent(
  'peer_member',
  async (ctx) => authorizePeer(ctx.actor, 'peer.manage'),
  async (ctx: Ctx, _parent: string, input: PeerMemberCreate) => {
    authorizePeer(ctx.actor, 'peer.manage');
    const today = await todayOf(ctx);
    if (input.consent.givenOn > today)
      throw invalid('consent.givenOn', 'in_future', 'Consent cannot be given on a future day');
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertMember(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      alias_enc: await sealText(ctx, T, 'alias', id, input.alias),
      phone_enc: await sealOptional(ctx, T, 'phone', id, input.phone),
      email_enc: await sealOptional(ctx, T, 'email', id, input.email),
      language: input.language,
      joined_on: input.consent.givenOn,
      notes_enc: await sealOptional(ctx, T, 'notes', id, input.notes),
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    const consentId = randomUUID();
    await repo.insertMemberConsent(ctx.db, {
      id: consentId,
      org_id: ctx.actor.orgId,
      member_id: id,
      kind: 'membership',
      method: input.consent.method,
      given_on: input.consent.givenOn,
      recorded_by: ctx.actor.userId,
      recorded_at: now,
    });
    await audit(ctx, {
      action: 'peer.member_add',
      entity: 'peer_member',
      entityId: id,
      changedFields: [
        'alias',
        'language',
        ...(input.phone ? ['phone'] : []),
        ...(input.email ? ['email'] : []),
      ],
      details: { consentMethod: input.consent.method },
    });
    return { id };
  },
);

export async function createMember(ctx: Ctx, input: PeerMemberCreate): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.manage');
  const { id } = await createMemberOnce(ctx, ctx.actor.orgId, input);
  return getMember(ctx, id);
}

export async function updateMember(ctx: Ctx, id: string, input: PeerMemberUpdate): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.manage');
  const row = await loadMember(ctx, id);
  if (row.status === 'withdrawn')
    throw new AppError('invalid_transition', 'This member has left the network');
  const patch = {
    ...(input.alias !== undefined ? { alias_enc: await sealText(ctx, T, 'alias', id, input.alias) } : {}),
    ...(input.phone !== undefined ? { phone_enc: await sealOptional(ctx, T, 'phone', id, input.phone) } : {}),
    ...(input.email !== undefined ? { email_enc: await sealOptional(ctx, T, 'email', id, input.email) } : {}),
    ...(input.notes !== undefined ? { notes_enc: await sealOptional(ctx, T, 'notes', id, input.notes) } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
  };
  const changed = Object.keys(patch).map((k) => k.replace(/_enc$/, ''));
  if (changed.length) {
    await repo.updateMember(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, {
      action: 'peer.member_update',
      entity: 'peer_member',
      entityId: id,
      changedFields: changed,
    });
  }
  return getMember(ctx, id);
}

/** Records the member's consent to be linked to a caller of the helpline (a separate, explicit step). */
export async function recordLinkingConsent(
  ctx: Ctx,
  id: string,
  input: { method: PeerConsent['method']; givenOn: string },
): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.manage');
  const row = await loadMember(ctx, id);
  if (row.status === 'withdrawn')
    throw new AppError('invalid_transition', 'This member has left the network');
  if (input.givenOn > (await todayOf(ctx)))
    throw invalid('givenOn', 'in_future', 'Consent cannot be given on a future day');
  const consents = await repo.consentsOf(ctx.db, [id]);
  if (!hasActive(consents, 'linking')) {
    const consentId = randomUUID();
    await repo.insertMemberConsent(ctx.db, {
      id: consentId,
      org_id: ctx.actor.orgId,
      member_id: id,
      kind: 'linking',
      method: input.method,
      given_on: input.givenOn,
      recorded_by: ctx.actor.userId,
      recorded_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'peer.consent_record',
      entity: 'peer_member',
      entityId: id,
      details: { kind: 'linking', method: input.method },
    });
  }
  return getMember(ctx, id);
}

/** The member no longer wants to be linked to callers; membership stays. */
export async function withdrawLinkingConsent(ctx: Ctx, id: string): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.manage');
  await loadMember(ctx, id);
  const n = await repo.withdrawConsents(ctx.db, id, 'linking', await todayOf(ctx), ctx.actor.userId);
  if (n > 0)
    await audit(ctx, {
      action: 'peer.consent_withdraw',
      entity: 'peer_member',
      entityId: id,
      details: { kind: 'linking' },
    });
  return getMember(ctx, id);
}

/**
 * Withdrawing membership consent ends the membership: every consent of the member ends, invitations to
 * meetings still to come are dropped, and their notes are erased after the organisation's retention period
 * (a job; 90 days unless the admin chose otherwise).
 */
export async function withdrawMembership(
  ctx: Ctx,
  id: string,
  input: { withdrawnOn?: string | undefined },
): Promise<PeerMember> {
  authorizePeer(ctx.actor, 'peer.manage');
  const row = await loadMember(ctx, id);
  if (row.status === 'withdrawn') return getMember(ctx, id);
  const today = await todayOf(ctx);
  const on = input.withdrawnOn ?? today;
  if (on > today) throw invalid('withdrawnOn', 'in_future', 'Withdrawal cannot be on a future day');
  if (on < row.joined_on) throw invalid('withdrawnOn', 'before_joined', 'Withdrawal cannot precede joining');
  const { peerNotesDays } = await findRetentionSettings(ctx.db, ctx.actor.orgId);
  const eraseOn = addDays(on, peerNotesDays);
  const now = ctx.clock.now();
  await repo.withdrawConsents(ctx.db, id, 'all', on, ctx.actor.userId);
  await repo.updateMember(ctx.db, id, {
    status: 'withdrawn',
    withdrawn_on: on,
    notes_erase_on: eraseOn,
    updated_at: now,
  });
  await repo.dropFutureInvites(ctx.db, id, now);
  await enqueue(ctx, {
    kind: 'peer.erase_notes',
    payload: { memberId: id },
    runAt: instantAt(await getTimeZone(ctx.db, ctx.actor.orgId), eraseOn),
    dedupeKey: `peer.erase_notes:${id}:${eraseOn}`,
  });
  await audit(ctx, {
    action: 'peer.member_withdraw',
    entity: 'peer_member',
    entityId: id,
    changedFields: ['status', 'withdrawn_on', 'notes_erase_on'],
    details: { notesEraseOn: eraseOn },
  });
  return getMember(ctx, id);
}
