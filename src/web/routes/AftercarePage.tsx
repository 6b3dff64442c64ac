import { Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import {
  EMERGENCY_SETTINGS_KEY,
  fetchEmergencySettings,
  fetchRetentionSettings,
  fetchSettings,
  RETENTION_SETTINGS_KEY,
  SETTINGS_KEY,
} from '../features/settings/api';
import { AftercareForm } from '../features/settings/components/AftercareForm';
import { ConsentSettingsForm } from '../features/settings/components/ConsentSettingsForm';
import { EmergencySettingsForm } from '../features/settings/components/EmergencySettingsForm';
import { RetentionSettingsForm } from '../features/settings/components/RetentionSettingsForm';
import { TimeZoneForm } from '../features/settings/components/TimeZoneForm';
import { fetchReportSettings, REPORT_SETTINGS_KEY } from '../features/reports/api';
import { ReportSettingsForm } from '../features/reports/components/ReportSettingsForm';

/**
 * Organisation settings for case work: the aftercare schedule, the consent periods, the time zone, the
 * emergency path, report disclosure and the retention periods.
 */
export default function AftercarePage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: fetchSettings });
  const emergency = useQuery({ queryKey: EMERGENCY_SETTINGS_KEY, queryFn: fetchEmergencySettings });
  const reports = useQuery({ queryKey: REPORT_SETTINGS_KEY, queryFn: fetchReportSettings });
  const retention = useQuery({ queryKey: RETENTION_SETTINGS_KEY, queryFn: fetchRetentionSettings });
  return (
    <Stack maw={760}>
      <PageHeading>{t('titles.aftercare')}</PageHeading>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? (
        <>
          <Card withBorder component="section" aria-labelledby="settings-aftercare" padding="md">
            <Title order={2} size="h4" id="settings-aftercare" mb="xs">
              {t('aftercare.title')}
            </Title>
            <Text size="sm" mb="sm">
              {t('aftercare.intro')}
            </Text>
            <AftercareForm settings={settings.data} />
          </Card>
          <Card withBorder component="section" aria-labelledby="settings-consent" padding="md">
            <Title order={2} size="h4" id="settings-consent" mb="xs">
              {t('consentSettings.title')}
            </Title>
            <Text size="sm" mb="sm">
              {t('consentSettings.intro')}
            </Text>
            {/* Older servers may not send the consent part yet. */}
            {settings.data.consent ? <ConsentSettingsForm settings={settings.data} /> : null}
          </Card>
          <Card withBorder component="section" aria-labelledby="settings-time-zone" padding="md">
            <Title order={2} size="h4" id="settings-time-zone" mb="xs">
              {t('timeZoneSettings.title')}
            </Title>
            <Text size="sm" mb="sm">
              {t('timeZoneSettings.intro')}
            </Text>
            {settings.data.timeZone ? <TimeZoneForm settings={settings.data} /> : null}
          </Card>
        </>
      ) : null}
      <ErrorAlert error={emergency.error} />
      {emergency.data ? (
        <Card withBorder component="section" aria-labelledby="settings-emergency" padding="md">
          <Title order={2} size="h4" id="settings-emergency" mb="xs">
            {t('emergencySettings.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('emergencySettings.intro')}
          </Text>
          <EmergencySettingsForm settings={emergency.data} />
        </Card>
      ) : null}
      <ErrorAlert error={reports.error} />
      {reports.data ? (
        <Card withBorder component="section" aria-labelledby="settings-reports" padding="md">
          <Title order={2} size="h4" id="settings-reports" mb="xs">
            {t('reportSettings.title')}
          </Title>
          <ReportSettingsForm settings={reports.data} />
        </Card>
      ) : null}
      <ErrorAlert error={retention.error} />
      {retention.data ? (
        <Card withBorder component="section" aria-labelledby="settings-retention" padding="md">
          <Title order={2} size="h4" id="settings-retention" mb="xs">
            {t('retentionSettings.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('retentionSettings.intro')}
          </Text>
          <RetentionSettingsForm settings={retention.data} />
        </Card>
      ) : null}
    </Stack>
  );
}
