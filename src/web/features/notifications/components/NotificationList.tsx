import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../../shared/notifications.schema';
import type { Page } from '../../../../shared/auth.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useMarkRead } from '../hooks';

/** Where a notification leads: its case, or the page where the thing it is about is handled. */
function targetOf(item: Notification, pages: readonly Page[]): string | null {
  if (item.kind === 'emergency_request') return '/emergency-approvals';
  if (item.kind === 'account_change') return pages.includes('users') ? '/users' : '/four-eyes';
  if (item.kind === 'peer_link_request') return '/peers?tab=requests';
  if (!item.caseId) return null;
  return `/cases/${item.caseId}${item.kind.startsWith('emergency_') ? '#emergency' : ''}`;
}

/** One row per notification: what happened and to which case (the reference only), newest first. */
export function NotificationList({ items, pages }: { items: Notification[]; pages: readonly Page[] }) {
  const { t } = useTranslation();
  const read = useMarkRead();
  const language = currentLanguage();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => {
        const to = targetOf(item, pages);
        const unread = item.readAt === null;
        const label = t(`work.alertKinds.${item.kind}`);
        return (
          <Paper component="li" key={item.id} withBorder p="sm" bg={unread ? 'teal.0' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={2} miw={0}>
                <Group gap="xs" wrap="wrap">
                  {unread ? (
                    <Badge size="sm" color="teal" variant="filled">
                      {t('notifications.new')}
                    </Badge>
                  ) : null}
                  <Text size="sm" fw={unread ? 700 : 400}>
                    {label}
                  </Text>
                </Group>
                {to ? (
                  <Anchor component={Link} to={to} size="sm">
                    {item.caseReference ? <bdi dir="ltr">{item.caseReference}</bdi> : t('notifications.open')}
                  </Anchor>
                ) : null}
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.createdAt, language)}
                </Text>
              </Stack>
              {unread ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={read.isPending && read.variables === item.id}
                  onClick={() => read.mutate(item.id)}
                  aria-label={t('notifications.markReadFor', {
                    what: label,
                    reference: item.caseReference ?? '',
                  })}
                >
                  {t('work.markRead')}
                </Button>
              ) : null}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
