import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { fetchSettings, SETTINGS_KEY } from '../features/settings/api';
import { AftercareForm } from '../features/settings/components/AftercareForm';

export default function AftercarePage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: fetchSettings });
  return (
    <Stack>
      <PageHeading>{t('titles.aftercare')}</PageHeading>
      <Text size="sm" maw={640}>
        {t('aftercare.intro')}
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? <AftercareForm settings={settings.data} /> : null}
    </Stack>
  );
}
