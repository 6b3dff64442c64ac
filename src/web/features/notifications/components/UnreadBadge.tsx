import { Badge, Indicator } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../hooks';

/** The unread count beside "Notifications" in the navigation; nothing when there is none. */
export function UnreadBadge() {
  const { t } = useTranslation();
  const { data } = useUnreadCount();
  const n = data?.unread ?? 0;
  if (n === 0) return null;
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      circle={n < 10}
      aria-label={t('notifications.unread', { count: n })}
    >
      {n > 99 ? '99+' : n}
    </Badge>
  );
}

/** On a phone the navigation is folded away: a dot with the count on the menu button says there is news. */
export function UnreadIndicator({ children }: { children: ReactNode }) {
  const { data } = useUnreadCount();
  const n = data?.unread ?? 0;
  return (
    <Indicator hiddenFrom="sm" color="red" size={16} label={n > 99 ? '99+' : n} disabled={n === 0} offset={2}>
      {children}
    </Indicator>
  );
}
