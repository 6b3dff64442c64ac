import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseIdParamsSchema } from '../../../shared/cases.schema.js';
import {
  CasePeerLinkCreateSchema,
  CasePeerLinkSchema,
  PeerConsentInputSchema,
  PeerInviteSchema,
  PeerLinkConfirmSchema,
  PeerLinkRequestListSchema,
  PeerLinkRequestSchema,
  PeerMeetingCreateSchema,
  PeerMeetingListSchema,
  PeerMeetingSchema,
  PeerMeetingUpdateSchema,
  PeerMemberCreateSchema,
  PeerMemberListSchema,
  PeerMemberSchema,
  PeerMemberUpdateSchema,
  PeerWithdrawSchema,
} from '../../../shared/peers.schema.js';
import type { Deps } from '../../lib/deps.js';
import type { RouteAccess } from '../../plugins/access-log.js';
import { inActorTx } from '../../lib/request-context.js';
import * as links from './peer-links.service.js';
import * as meetings from './peer-meetings.service.js';
import * as peers from './peers.service.js';

const Id = z.object({ id: z.uuid() });
const member = (only?: 'denied'): RouteAccess => ({
  entity: 'peer_member',
  param: 'id',
  purpose: 'peer_network',
  ...(only ? { only } : {}),
});
const meeting = (only?: 'denied'): RouteAccess => ({
  entity: 'peer_meeting',
  param: 'id',
  purpose: 'peer_network',
  ...(only ? { only } : {}),
});
const request: RouteAccess = {
  entity: 'peer_link_request',
  param: 'id',
  purpose: 'peer_network',
  only: 'denied',
};

/** The peer network (organiser only) and, on a case, the request to link its caller to a peer parent. */
export function peersRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['peers'];
  return async (app) => {
    app.get(
      '/api/peers/members',
      {
        config: { access: { entity: 'peer_member', purpose: 'peer_network' } },
        schema: { tags, response: { 200: PeerMemberListSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => peers.listMembers(ctx)),
    );
    app.post(
      '/api/peers/members',
      {
        config: { access: 'none' },
        schema: { tags, body: PeerMemberCreateSchema, response: { 201: PeerMemberSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await inActorTx(deps, req, (ctx) => peers.createMember(ctx, req.body))),
    );
    app.get(
      '/api/peers/members/:id',
      { config: { access: member() }, schema: { tags, params: Id, response: { 200: PeerMemberSchema } } },
      async (req) => inActorTx(deps, req, (ctx) => peers.getMember(ctx, req.params.id)),
    );
    app.patch(
      '/api/peers/members/:id',
      {
        config: { access: member('denied') },
        schema: { tags, params: Id, body: PeerMemberUpdateSchema, response: { 200: PeerMemberSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => peers.updateMember(ctx, req.params.id, req.body)),
    );
    app.post(
      '/api/peers/members/:id/linking-consent',
      {
        config: { access: member('denied') },
        schema: { tags, params: Id, body: PeerConsentInputSchema, response: { 200: PeerMemberSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => peers.recordLinkingConsent(ctx, req.params.id, req.body)),
    );
    app.post(
      '/api/peers/members/:id/linking-consent/withdraw',
      {
        config: { access: member('denied') },
        schema: { tags, params: Id, body: z.object({}), response: { 200: PeerMemberSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => peers.withdrawLinkingConsent(ctx, req.params.id)),
    );
    app.post(
      '/api/peers/members/:id/withdraw',
      {
        config: { access: member('denied') },
        schema: { tags, params: Id, body: PeerWithdrawSchema, response: { 200: PeerMemberSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => peers.withdrawMembership(ctx, req.params.id, req.body)),
    );
    app.get(
      '/api/peers/meetings',
      { config: { access: 'none' }, schema: { tags, response: { 200: PeerMeetingListSchema } } },
      async (req) => inActorTx(deps, req, (ctx) => meetings.listMeetings(ctx)),
    );
    app.post(
      '/api/peers/meetings',
      {
        config: { access: 'none' },
        schema: { tags, body: PeerMeetingCreateSchema, response: { 201: PeerMeetingSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await inActorTx(deps, req, (ctx) => meetings.createMeeting(ctx, req.body))),
    );
    app.get(
      '/api/peers/meetings/:id',
      { config: { access: meeting() }, schema: { tags, params: Id, response: { 200: PeerMeetingSchema } } },
      async (req) => inActorTx(deps, req, (ctx) => meetings.getMeeting(ctx, req.params.id)),
    );
    app.patch(
      '/api/peers/meetings/:id',
      {
        config: { access: meeting('denied') },
        schema: { tags, params: Id, body: PeerMeetingUpdateSchema, response: { 200: PeerMeetingSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => meetings.updateMeeting(ctx, req.params.id, req.body)),
    );
    app.post(
      '/api/peers/meetings/:id/invitations',
      {
        config: { access: meeting('denied') },
        schema: { tags, params: Id, body: PeerInviteSchema, response: { 200: PeerMeetingSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => meetings.inviteMembers(ctx, req.params.id, req.body)),
    );
    app.get(
      '/api/peers/link-requests',
      {
        config: { access: { entity: 'peer_link_request', purpose: 'peer_network' } },
        schema: { tags, response: { 200: PeerLinkRequestListSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => links.listLinkRequests(ctx)),
    );
    app.post(
      '/api/peers/link-requests/:id/confirm',
      {
        config: { access: request },
        schema: { tags, params: Id, body: PeerLinkConfirmSchema, response: { 200: PeerLinkRequestSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => links.confirmLink(ctx, req.params.id, req.body.memberId)),
    );
    app.post(
      '/api/peers/link-requests/:id/decline',
      {
        config: { access: request },
        schema: { tags, params: Id, body: z.object({}), response: { 200: PeerLinkRequestSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => links.declineLink(ctx, req.params.id)),
    );
    app.get(
      '/api/cases/:id/peer-link',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'peer_link' } },
        schema: { tags, params: CaseIdParamsSchema, response: { 200: CasePeerLinkSchema } },
      },
      async (req) => inActorTx(deps, req, (ctx) => links.getCasePeerLink(ctx, req.params.id)),
    );
    app.post(
      '/api/cases/:id/peer-link',
      {
        config: { access: { entity: 'case', param: 'id', purpose: 'peer_link', only: 'denied' } },
        schema: {
          tags,
          params: CaseIdParamsSchema,
          body: CasePeerLinkCreateSchema,
          response: { 201: CasePeerLinkSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await inActorTx(deps, req, (ctx) => links.requestPeerLink(ctx, req.params.id, req.body))),
    );
  };
}
