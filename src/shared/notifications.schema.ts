import { z } from 'zod';
import { Text } from './text.schema.js';

/** What an in-app notification is about. The kind and a case reference are all it says: never case content. */
export const NOTIFICATION_KINDS = [
  'urgent_case',
  'task_due',
  'offer',
  'offer_accepted',
  'offer_declined',
  'offer_expired',
  'emergency_request',
  'emergency_decided',
  'referral_cancelled',
  'consent_confirmation',
  'account_change',
  'peer_link_request',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: NotificationKindSchema,
  caseId: z.uuid().nullable(),
  caseReference: Text.nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int().nonnegative(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/** How many of the newest notifications the list shows (read and unread). */
export const NOTIFICATION_LIST_LIMIT = 100;
