import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { markAlertRead } from '../../work/api';
import { ACCOUNT_ALERTS_KEY, fetchAccountAlerts } from '../api';
import { AccountChange } from './AccountChange';

/**
 * Unread alerts about account changes someone else made: the admins and the privacy officer see each invite,
 * re-activation, role change and MFA reset, so one admin cannot quietly make a second pair of eyes.
 */
export function AccountAlerts() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ACCOUNT_ALERTS_KEY, queryFn: fetchAccountAlerts });
  const read = useMutation({
    mutationFn: markAlertRead,
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNT_ALERTS_KEY }),
  });
  if (!alerts.data?.items.length) return <ErrorAlert error={alerts.error} />;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('fourEyes.alertsTitle')}
      role="region"
      aria-label={t('fourEyes.alertsTitle')}
    >
      <ErrorAlert error={read.error} />
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {alerts.data.items.map((alert) => (
          <Group key={alert.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
            <AccountChange event={alert.event} />
            <Button size="compact-xs" variant="subtle" onClick={() => read.mutate(alert.id)}>
              {t('fourEyes.markRead')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
