import { Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { EMPTY_FILTERS } from '../features/audit/api';
import type { LogFilters } from '../features/audit/api';
import { AuditTable } from '../features/audit/components/AuditTable';
import { LoadMore } from '../components/LoadMore';
import { ExportCsvButton } from '../features/audit/components/ExportCsvButton';
import { LogFiltersForm } from '../features/audit/components/LogFiltersForm';
import { VerifyChainButton } from '../features/audit/components/VerifyChainButton';
import { useAuditPages } from '../features/audit/hooks/useLogPages';

export default function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<LogFilters>(EMPTY_FILTERS);
  const pages = useAuditPages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <PageHeading>{t('titles.audit')}</PageHeading>
      <Text size="sm">{t('audit.intro')}</Text>
      <VerifyChainButton />
      <Paper withBorder p="sm">
        <LogFiltersForm value={filters} onChange={setFilters} />
      </Paper>
      <ExportCsvButton log="audit" filters={filters} />
      <ErrorAlert error={pages.error} />
      {pages.isPending ? <Loading /> : null}
      {pages.isSuccess && items.length === 0 ? <EmptyState title={t('audit.empty')} /> : null}
      {items.length > 0 ? <AuditTable items={items} /> : null}
      <LoadMore
        hasNextPage={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
      />
    </Stack>
  );
}
