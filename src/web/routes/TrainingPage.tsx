import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { CoursesSection } from '../features/training/components/CoursesSection';
import { NeedsList } from '../features/training/components/NeedsList';
import { SessionsSection } from '../features/training/components/SessionsSection';
import { useTraining } from '../features/training/hooks';

export default function TrainingPage() {
  const { t } = useTranslation();
  const overview = useTraining();
  return (
    <Stack maw={1100}>
      <PageHeading>{t('titles.training')}</PageHeading>
      <ErrorAlert error={overview.error} />
      {overview.isPending ? <Loading /> : null}
      {overview.data ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <NeedsList needs={overview.data.needs} />
            </Paper>
            <Paper withBorder p="md">
              <CoursesSection courses={overview.data.courses} />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <SessionsSection overview={overview.data} />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
