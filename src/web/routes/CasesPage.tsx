import { Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadMore } from '../components/LoadMore';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { EMPTY_CASE_FILTERS } from '../features/cases/api';
import type { CaseFilters } from '../features/cases/api';
import { CaseFiltersForm } from '../features/cases/components/CaseFiltersForm';
import { CaseList } from '../features/cases/components/CaseList';
import { useCasePages } from '../features/cases/hooks/useCases';

export default function CasesPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const coordinator = session?.abilities.ownCasesOnly === false;
  const [filters, setFilters] = useState<CaseFilters>(EMPTY_CASE_FILTERS);
  const pages = useCasePages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <PageHeading>{coordinator ? t('titles.cases') : t('titles.myCases')}</PageHeading>
      <Paper withBorder p="sm">
        <CaseFiltersForm value={filters} onChange={setFilters} byCounsellor={coordinator} />
      </Paper>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? <Loading /> : null}
      {pages.isSuccess && items.length === 0 ? (
        <EmptyState title={t('cases.empty')} description={t('cases.emptyHint')} />
      ) : null}
      {items.length > 0 ? <CaseList items={items} showCounsellor={coordinator} /> : null}
      <LoadMore
        hasNextPage={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
      />
    </Stack>
  );
}
