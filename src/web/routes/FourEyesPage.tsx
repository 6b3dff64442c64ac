import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { fetchFourEyesHealth, FOUR_EYES_KEY } from '../features/emergency/api';
import { FourEyesHealthView } from '../features/emergency/components/FourEyesHealthView';
import { AccountAlerts } from '../features/users/components/AccountAlerts';

/** The privacy officer's check that the emergency path really has two independent people. */
export default function FourEyesPage() {
  const { t } = useTranslation();
  const health = useQuery({ queryKey: FOUR_EYES_KEY, queryFn: fetchFourEyesHealth });
  return (
    <Stack maw={960}>
      <PageHeading>{t('titles.fourEyes')}</PageHeading>
      <Text size="sm">{t('fourEyes.intro')}</Text>
      <AccountAlerts />
      <ErrorAlert error={health.error} />
      {health.isPending ? <Loading /> : null}
      {health.data ? <FourEyesHealthView health={health.data} /> : null}
    </Stack>
  );
}
