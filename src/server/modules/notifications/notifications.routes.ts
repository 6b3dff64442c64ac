import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotificationListSchema, UnreadCountSchema } from '../../../shared/notifications.schema.js';
import type { Deps } from '../../lib/deps.js';
import { inActorTx } from '../../lib/request-context.js';
import { listNotifications, markAllNotificationsRead, unreadCount } from './notifications.service.js';

/** The user's own notifications: a kind and a case reference each, no case content (so access 'none'). */
export function notificationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['notifications'];
  return async (app) => {
    app.get(
      '/api/notifications',
      { config: { access: 'none' }, schema: { tags, response: { 200: NotificationListSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => listNotifications(ctx)),
    );
    app.get(
      '/api/notifications/unread-count',
      { config: { access: 'none' }, schema: { tags, response: { 200: UnreadCountSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => unreadCount(ctx)),
    );
    app.post(
      '/api/notifications/read-all',
      { config: { access: 'none' }, schema: { tags, response: { 200: UnreadCountSchema } } },
      async (request) => inActorTx(deps, request, (ctx) => markAllNotificationsRead(ctx)),
    );
  };
}
