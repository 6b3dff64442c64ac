import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { NotificationList } from '../features/notifications/components/NotificationList';
import { useMarkAllRead, useNotifications } from '../features/notifications/hooks';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const pages = session.data?.abilities.pages;
  return (
    <Stack maw={760}>
      <PageHeading>{t('titles.notifications')}</PageHeading>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" role="status">
          {t('notifications.unread', { count: unread })}
        </Text>
        {unread > 0 ? (
          <Button
            variant="default"
            size="sm"
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined)}
          >
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? markAll.error} />
      {list.isPending ? <Loading /> : null}
      {list.isSuccess && list.data.items.length === 0 ? (
        <EmptyState title={t('notifications.empty')} description={t('notifications.emptyHint')} />
      ) : null}
      {list.isSuccess && list.data.items.length > 0 && pages ? (
        <NotificationList items={list.data.items} pages={pages} />
      ) : null}
    </Stack>
  );
}
