import { Box, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/reports.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { DASHBOARD_KEY, fetchDashboard } from '../api';
import { CaseloadSection } from './CaseloadSection';
import { ChartPatterns } from './chartPatterns';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';

/** Panels that are a whole row wide: a month by category or channel needs the room. */
const WIDE = new Set(['requests_by_category', 'requests_by_channel', 'referrals']);

function Panel({ panel }: { panel: Dashboard['panels'][number] }) {
  const { t } = useTranslation();
  const title = t(`reports.dashboard.panels.${panel.id}`);
  // Nothing to draw: a breakdown with no values at all (time breakdowns always have their months).
  const empty = panel.report.rows !== null && panel.report.rows.keys.length === 0;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={`panel-${panel.id}`}
      style={WIDE.has(panel.id) ? { gridColumn: '1 / -1' } : undefined}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={`panel-${panel.id}`}>
          {title}
        </Title>
        {panel.coarsened ? <Text size="sm">{t('reports.dashboard.coarsened')}</Text> : null}
        {empty ? (
          <Text size="sm">{t('reports.dashboard.nothing')}</Text>
        ) : (
          <ReportChart report={panel.report} title={title} />
        )}
        <ReportTable report={panel.report} />
      </Stack>
    </Paper>
  );
}

/** The helpline's year (its time zone), as the server counts it. */
const thisYear = () => Number(todayIso().slice(0, 4));

/**
 * The coordinator's and analyst's dashboard for a calendar year: charts and, with each, the table of its
 * numbers. Every figure comes from the server, published under disclosure control; nothing is counted here.
 */
export function DashboardView() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const language = currentLanguage();
  const body = { from: `${year}-01-01`, to: `${year}-12-31`, language };
  const dashboard = useQuery({
    queryKey: [DASHBOARD_KEY, body],
    queryFn: () => fetchDashboard(body),
  });
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear() - i));
  return (
    <Stack>
      <ChartPatterns />
      <Text size="sm">{t('reports.dashboard.intro')}</Text>
      <Box maw={200}>
        <NativeSelect
          label={t('reports.dashboard.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={years}
        />
      </Box>
      <ErrorAlert error={dashboard.error} />
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.data ? (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {dashboard.data.panels.map((panel) => (
              <Panel key={panel.id} panel={panel} />
            ))}
          </SimpleGrid>
          {dashboard.data.abilities.caseload ? <CaseloadSection /> : null}
        </>
      ) : null}
    </Stack>
  );
}
