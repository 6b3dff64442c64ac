import { randomUUID } from 'node:crypto';
import type { CasePeerLink, CasePeerLinkCreate, PeerLinkRequest } from '../../../shared/peers.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { openText, sealText } from '../../lib/fields.js';
import { idempotent } from '../../lib/idempotency.js';
import { audit, recordAccess } from '../audit/audit.service.js';
import { loadCase } from '../cases/cases.service.js';
import { todayOf } from '../organisations/today.js';
import { coverage } from '../consent/consent.coverage.js';
import { consentFacts } from '../consent/consent.repository.js';
import { authorizePeer } from './peers.policy.js';
import * as repo from './peers.repository.js';

/**
 * Linking a caller to a peer parent (intervention I4) happens only with both parents' recorded consent:
 * the caller's active written consent for peer support (the consent module, no override), and the member's
 * consent to be linked (recorded by the organiser). The case side sees the request's status, never the
 * member; the organiser sees the hand-over the caller agreed to, never the case.
 */

const T = 'peer_link_requests';

/** What the caller's consent must cover: passing how to reach them to the peer network, for peer support. */
async function callerCoverage(ctx: Ctx, caseId: string) {
  const today = await todayOf(ctx);
  const facts = await consentFacts(ctx.db, caseId);
  const result = coverage(facts, {
    partnerId: '',
    partnerType: 'peer_network',
    purpose: 'peer_support',
    categories: ['contact_details'],
    on: today,
  });
  const consent = result.consentId ? facts.find((f) => f.id === result.consentId) : undefined;
  return { ...result, validUntil: consent?.validUntil ?? null };
}

/** Whether the caller of this case is (being) linked to a peer parent — never to whom. */
export async function getCasePeerLink(ctx: Ctx, caseId: string): Promise<CasePeerLink> {
  authorizePeer(ctx.actor, 'peer.link_request');
  const { row } = await loadCase(ctx, caseId, 'case.view');
  const latest = await repo.latestRequestOfCase(ctx.db, caseId);
  const cover = await callerCoverage(ctx, caseId);
  await recordAccess(ctx, { entity: 'case', entityId: caseId, purpose: 'peer_link' });
  const open = latest?.status === 'requested' || latest?.status === 'linked';
  return {
    status: latest?.status ?? 'none',
    requestedAt: latest?.requested_at.toISOString() ?? null,
    decidedAt: latest?.decided_at?.toISOString() ?? null,
    consentCovered: cover.covered,
    canRequest: row.state !== 'closed' && !open && cover.covered,
  };
}

/**
 * Tells the peer-network organisers in the app that a link request waits: the alert has a kind and nothing
 * else (no case, no hand-over); they read the request itself on the peer-network page.
 */
async function alertOrganisers(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  const organisers = await repo.organiserIds(ctx.db, ctx.actor.orgId);
  await repo.insertLinkRequestAlerts(
    ctx.db,
    organisers.map((userId) => ({
      id: randomUUID(),
      org_id: ctx.actor.orgId,
      user_id: userId,
      created_at: now,
    })),
  );
}

const requestOnce = idempotent(
  'peer_link_request',
  async (ctx, caseId) => {
    authorizePeer(ctx.actor, 'peer.link_request');
    return loadCase(ctx, caseId, 'case.edit');
  },
  async (ctx: Ctx, caseId: string, input: CasePeerLinkCreate) => {
    authorizePeer(ctx.actor, 'peer.link_request');
    const latest = await repo.latestRequestOfCase(ctx.db, caseId);
    if (latest?.status === 'requested' || latest?.status === 'linked')
      throw new AppError('conflict', 'This caller already has an open or confirmed peer link');
    const cover = await callerCoverage(ctx, caseId);
    if (!cover.covered || !cover.consentId || !cover.validUntil)
      throw new AppError(
        'consent_required',
        'The caller has no active written consent to be put in touch with the peer network',
        {
          errors: [
            {
              field: 'consent',
              reason: 'no_peer_consent',
              message: `Record the caller's written consent for peer support (peer network, contact details) first: ${cover.gaps.join(', ')}`,
            },
          ],
        },
      );
    const id = randomUUID();
    await repo.insertLinkRequest(ctx.db, {
      id,
      org_id: ctx.actor.orgId,
      case_id: caseId,
      caller_consent_id: cover.consentId,
      consent_valid_until: cover.validUntil,
      handover_enc: await sealText(ctx, T, 'handover', id, input.handover),
      language: input.language,
      requested_by: ctx.actor.userId,
      requested_at: ctx.clock.now(),
    });
    await audit(ctx, {
      action: 'peer.link_request',
      entity: 'peer_link_request',
      entityId: id,
      changedFields: ['handover', 'language'],
      details: { caseId, consentId: cover.consentId },
    });
    await alertOrganisers(ctx);
    return { id };
  },
);

/** A counsellor or coordinator asks the organiser to link this case's caller to a peer parent. */
export async function requestPeerLink(
  ctx: Ctx,
  caseId: string,
  input: CasePeerLinkCreate,
): Promise<CasePeerLink> {
  authorizePeer(ctx.actor, 'peer.link_request');
  await requestOnce(ctx, caseId, input);
  return getCasePeerLink(ctx, caseId);
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof repo.findLinkRequest>>>;

async function toRequest(
  ctx: Ctx,
  r: RequestRow,
  member: { id: string; alias: string } | null,
): Promise<PeerLinkRequest> {
  return {
    id: r.id,
    status: r.status,
    handover: await openText(ctx, T, 'handover', r.id, r.handover_enc),
    language: r.language,
    requestedAt: r.requested_at.toISOString(),
    consentValidUntil: r.consent_valid_until,
    member,
  };
}

/** The organiser's list of requests (open first); a confirmed one names the member linked. */
export async function listLinkRequests(ctx: Ctx): Promise<{ items: PeerLinkRequest[] }> {
  authorizePeer(ctx.actor, 'peer.view');
  const rows = await repo.listLinkRequests(ctx.db, ctx.actor.orgId);
  const links = await repo.linksOf(
    ctx.db,
    rows.filter((r) => r.status === 'linked').map((r) => r.id),
  );
  const members = new Map(
    (
      await repo.membersByIds(
        ctx.db,
        links.map((l) => l.member_id),
      )
    ).map((m) => [m.id, m]),
  );
  const memberOf = async (requestId: string) => {
    const link = links.find((l) => l.request_id === requestId);
    const m = link ? members.get(link.member_id) : undefined;
    return m ? { id: m.id, alias: await openText(ctx, 'peer_members', 'alias', m.id, m.alias_enc) } : null;
  };
  await recordAccess(ctx, { entity: 'peer_link_request', entityId: '*', purpose: 'peer_network' });
  return { items: await Promise.all(rows.map(async (r) => toRequest(ctx, r, await memberOf(r.id)))) };
}

async function loadOpenRequest(ctx: Ctx, id: string) {
  const r = await repo.findLinkRequest(ctx.db, id);
  if (!r || r.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such request');
  if (r.status !== 'requested') throw new AppError('invalid_transition', 'This request was already answered');
  return r;
}

/**
 * The organiser links the caller to a member who consented to be linked; the caller's consent must still
 * be in force. Records intervention I4 on the case, without naming the member there.
 */
export async function confirmLink(ctx: Ctx, id: string, memberId: string): Promise<PeerLinkRequest> {
  authorizePeer(ctx.actor, 'peer.manage');
  const r = await loadOpenRequest(ctx, id);
  const today = await todayOf(ctx);
  if (today > r.consent_valid_until)
    throw new AppError('consent_required', "The caller's consent has expired", {
      errors: [
        { field: 'consent', reason: 'caller_consent_expired', message: "The caller's consent has expired" },
      ],
    });
  const member = await repo.findMember(ctx.db, memberId);
  if (!member || member.org_id !== ctx.actor.orgId)
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'memberId', reason: 'not_a_member', message: 'No such member' }],
    });
  const consents = await repo.consentsOf(ctx.db, [memberId]);
  const linkable =
    member.status === 'active' && consents.some((c) => c.kind === 'linking' && c.withdrawn_on === null);
  if (!linkable)
    throw new AppError('consent_required', 'This member has not consented to be linked', {
      errors: [
        {
          field: 'memberId',
          reason: 'no_member_consent',
          message: 'Record the member’s consent to be linked first',
        },
      ],
    });
  const now = ctx.clock.now();
  if ((await repo.decideLinkRequest(ctx.db, id, 'linked', ctx.actor.userId, now)) === 0)
    throw new AppError('invalid_transition', 'This request was already answered');
  await repo.insertLink(ctx.db, {
    id: randomUUID(),
    org_id: ctx.actor.orgId,
    request_id: id,
    member_id: memberId,
    linked_by: ctx.actor.userId,
    linked_at: now,
  });
  const term = await repo.findI4Term(ctx.db, ctx.actor.orgId);
  const interventionId = randomUUID();
  if (term)
    await repo.insertI4(ctx.db, {
      id: interventionId,
      orgId: ctx.actor.orgId,
      caseId: r.case_id,
      termId: term.id,
      on: today,
      by: ctx.actor.userId,
      at: now,
    });
  await audit(ctx, {
    action: 'peer.link_confirm',
    entity: 'peer_link_request',
    entityId: id,
    changedFields: ['status'],
    details: { memberId, ...(term ? { interventionId } : {}) },
  });
  return toRequest(
    ctx,
    { ...r, status: 'linked' },
    {
      id: memberId,
      alias: await openText(ctx, 'peer_members', 'alias', memberId, member.alias_enc),
    },
  );
}

/** No suitable member (or the organiser judges it unwise): the case sees "declined". */
export async function declineLink(ctx: Ctx, id: string): Promise<PeerLinkRequest> {
  authorizePeer(ctx.actor, 'peer.manage');
  const r = await loadOpenRequest(ctx, id);
  await repo.decideLinkRequest(ctx.db, id, 'declined', ctx.actor.userId, ctx.clock.now());
  await audit(ctx, {
    action: 'peer.link_decline',
    entity: 'peer_link_request',
    entityId: id,
    changedFields: ['status'],
  });
  return toRequest(ctx, { ...r, status: 'declined' }, null);
}

/**
 * Called when a caller withdraws a consent: requests that it carried and nobody answered are cancelled,
 * so the organiser can no longer act on them.
 */
export async function afterCallerConsentWithdrawn(ctx: Ctx, consentId: string): Promise<void> {
  const cancelled = await repo.cancelOpenRequestsForConsent(ctx.db, consentId, ctx.clock.now());
  for (const id of cancelled)
    await audit(ctx, {
      action: 'peer.link_cancel',
      entity: 'peer_link_request',
      entityId: id,
      changedFields: ['status'],
      details: { consentId },
    });
}
