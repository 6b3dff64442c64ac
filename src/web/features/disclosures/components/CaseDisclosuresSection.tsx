import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { Section } from '../../cases/components/Section';
import { useCaseDisclosures } from '../hooks';
import { DisclosureTable } from './DisclosureTable';

/** Every disclosure of this family's data: to whom, what, how, by whom, when. */
export function CaseDisclosuresSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const pages = useCaseDisclosures(detail.id);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section id="disclosures" title={t('disclosures.caseTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('disclosures.caseIntro')}
        </Text>
        <ErrorAlert error={pages.error} />
        {pages.isPending ? <Loading /> : null}
        {pages.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('disclosures.caseEmpty')}
          </Text>
        ) : null}
        {items.length ? <DisclosureTable items={items} label={t('disclosures.caseTitle')} /> : null}
        <LoadMore
          hasNextPage={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        />
      </Stack>
    </Section>
  );
}
