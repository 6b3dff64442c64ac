import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { WeightsForm } from '../features/matching/components/WeightsForm';
import { useWeights } from '../features/matching/hooks';

export default function MatchingWeightsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const weights = useWeights();
  return (
    <Stack>
      <PageHeading>{t('titles.matching')}</PageHeading>
      <Text size="sm" maw={720}>
        {t('weights.intro')}
      </Text>
      <ErrorAlert error={weights.error} />
      {weights.isPending ? <Loading /> : null}
      {weights.data ? (
        <WeightsForm weights={weights.data} readOnly={!session?.abilities.editMatchingWeights} />
      ) : null}
    </Stack>
  );
}
