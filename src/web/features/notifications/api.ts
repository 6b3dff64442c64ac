import type { NotificationList, UnreadCount } from '../../../shared/notifications.schema';
import { api } from '../../api/client';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_KEY = ['notifications', 'unread'] as const;

export const fetchNotifications = () => api<NotificationList>('GET', '/api/notifications');
export const fetchUnreadCount = () => api<UnreadCount>('GET', '/api/notifications/unread-count');
export const markAllRead = () => api<UnreadCount>('POST', '/api/notifications/read-all');
