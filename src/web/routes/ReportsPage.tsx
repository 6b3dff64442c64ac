import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading';
import { DashboardView } from '../features/reports/components/DashboardView';
import { FunderReportView } from '../features/reports/components/FunderReportView';
import { ReportBuilder } from '../features/reports/components/ReportBuilder';

/**
 * Aggregated, suppressed figures for coordinators and analysts: the dashboard, the report builder and the
 * yearly funder report. The charts (recharts) load with this page only.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1200}>
      <PageHeading>{t('titles.reports')}</PageHeading>
      <Text size="sm">{t('reports.intro')}</Text>
      <Tabs defaultValue="dashboard" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dashboard">{t('reports.tabs.dashboard')}</Tabs.Tab>
          <Tabs.Tab value="builder">{t('reports.tabs.builder')}</Tabs.Tab>
          <Tabs.Tab value="funder">{t('reports.tabs.funder')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md">
          <DashboardView />
        </Tabs.Panel>
        <Tabs.Panel value="builder" pt="md">
          <ReportBuilder />
        </Tabs.Panel>
        <Tabs.Panel value="funder" pt="md">
          <FunderReportView />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
