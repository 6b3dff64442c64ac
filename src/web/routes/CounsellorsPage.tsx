import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { CounsellorTable } from '../features/counsellors/components/CounsellorTable';
import { useCounsellors } from '../features/counsellors/hooks';

export default function CounsellorsPage() {
  const { t } = useTranslation();
  const list = useCounsellors();
  return (
    <Stack maw={1100}>
      <PageHeading>{t('titles.counsellors')}</PageHeading>
      <Text size="sm" maw={720}>
        {t('counsellors.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState title={t('counsellors.empty')} description={t('counsellors.emptyHint')} />
      ) : null}
      {list.data && list.data.items.length > 0 ? <CounsellorTable items={list.data.items} /> : null}
    </Stack>
  );
}
