import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { MunicipalitiesSection } from '../features/counsellors/components/MunicipalitiesSection';

export default function PlacesPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1000}>
      <PageHeading>{t('titles.places')}</PageHeading>
      <Text size="sm" maw={720}>
        {t('places.intro')}
      </Text>
      <MunicipalitiesSection />
    </Stack>
  );
}
