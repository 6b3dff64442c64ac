import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadMore } from '../components/LoadMore';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { disclosureExportUrl, EMPTY_DISCLOSURE_FILTERS } from '../features/disclosures/api';
import type { DisclosureFilters } from '../features/disclosures/api';
import { DisclosureFiltersForm } from '../features/disclosures/components/DisclosureFiltersForm';
import { DisclosureTable } from '../features/disclosures/components/DisclosureTable';
import { useDisclosurePages } from '../features/disclosures/hooks';

/** The organisation-wide disclosure log, for the privacy officer: no case content, only what went where. */
export default function DisclosuresPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<DisclosureFilters>(EMPTY_DISCLOSURE_FILTERS);
  // The privacy officer does not read the partner directory: offer the recipients in the log so far, and keep
  // the chosen one when the filtered list comes back empty.
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const pages = useDisclosurePages(filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const names = new Map<string, string>(chosen ? [[chosen.id, chosen.name]] : []);
  for (const item of items) if (item.partnerId) names.set(item.partnerId, item.recipient);
  const partners = [...names]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Stack>
      <PageHeading>{t('titles.disclosures')}</PageHeading>
      <Text size="sm" maw={760}>
        {t('disclosures.intro')}
      </Text>
      <Paper withBorder p="sm">
        <DisclosureFiltersForm
          value={filters}
          partners={partners}
          onChange={(next) => {
            setFilters(next);
            setChosen(partners.find((partner) => partner.id === next.partnerId) ?? null);
          }}
        />
      </Paper>
      <Group gap="sm">
        <Button component="a" href={disclosureExportUrl(filters)} download variant="default">
          {t('audit.export')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.exportHint')}
        </Text>
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? <Loading /> : null}
      {pages.isSuccess && items.length === 0 ? <EmptyState title={t('disclosures.empty')} /> : null}
      {items.length > 0 ? <DisclosureTable items={items} showCase label={t('titles.disclosures')} /> : null}
      <LoadMore
        hasNextPage={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
      />
    </Stack>
  );
}
