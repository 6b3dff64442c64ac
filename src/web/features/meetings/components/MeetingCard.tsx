import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import type { Meeting } from '../../../../shared/meetings.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, formatDay } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { CoverageNote } from '../../consent/components/CoverageNote';
import { DownloadLink } from '../../consent/components/DownloadLink';
import { SummaryView } from '../../consent/components/SummaryView';
import { categoryLabels, joinList, PARTNER_LANGUAGE } from '../../consent/labels';
import { meetingSummaryPdfUrl } from '../api';
import { useMeetingMutations, useMeetingSummary } from '../hooks';

function MeetingSummary({ caseId, meetingId }: { caseId: string; meetingId: string }) {
  const summary = useMeetingSummary(caseId, meetingId, currentLanguage(), true);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  return <SummaryView summary={summary.data} />;
}

interface MeetingCardProps {
  caseId: string;
  meeting: Meeting;
  consents: Consent[];
  canManage: boolean;
}

/** One case meeting: participants, each with whether consent covers them, and sharing once all are. */
export function MeetingCard({ caseId, meeting, consents, canManage }: MeetingCardProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { share } = useMeetingMutations(caseId);
  const [confirming, setConfirming] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const titleValues = { municipality: meeting.municipality, date: formatDay(meeting.meetingOn, language) };
  const title = t('meetings.cardTitle', titleValues);
  return (
    <Card withBorder component="li" padding="sm" aria-label={title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700}>{isolatedValues((slots) => t('meetings.cardTitle', slots), titleValues)}</Text>
          {meeting.sharedAt ? (
            <Badge color="indigo" variant="light" tt="none">
              {t('meetings.shared')}
            </Badge>
          ) : (
            <Badge color={meeting.covered ? 'teal' : 'orange'} variant="light" tt="none">
              {meeting.covered ? t('meetings.allCoveredShort') : t('meetings.notAllCoveredShort')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <strong>{t('meetings.categories')}:</strong>{' '}
          {joinList(categoryLabels(t, meeting.categories), language)}
        </Text>
        {meeting.note ? (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.note}
          </Text>
        ) : null}
        <Text size="sm" fw={600} id={`meeting-${meeting.id}-participants`}>
          {t('meetings.participants')}
        </Text>
        <Stack
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby={`meeting-${meeting.id}-participants`}
        >
          {meeting.participants.map((participant) => (
            <li key={participant.id}>
              <Text size="sm" fw={500}>
                <bdi>{participant.name}</bdi>{' '}
                <Text span size="xs" c="dimmed">
                  ({t(`partners.types.${participant.type}`)})
                </Text>
              </Text>
              <CoverageNote coverage={participant.coverage} consents={consents} compact />
            </li>
          ))}
        </Stack>
        {meeting.sharedAt ? (
          <Text size="sm" c="indigo.9">
            {isolatedValues((v) => t('meetings.sharedLine', v), {
              when: formatDateTime(meeting.sharedAt, language),
            })}
          </Text>
        ) : !meeting.covered ? (
          <Alert color="orange" variant="light" p="xs">
            {t('meetings.notAllCovered')}
          </Alert>
        ) : null}
        {meeting.covered ? (
          <Group gap="xs" wrap="wrap">
            {canManage && !meeting.sharedAt ? (
              <Button size="xs" onClick={() => setConfirming(true)}>
                {t('meetings.share')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="light"
              aria-expanded={showSummary}
              onClick={() => setShowSummary((v) => !v)}
            >
              {showSummary ? t('sharing.hideSummary') : t('sharing.showSummary')}
            </Button>
            <DownloadLink href={meetingSummaryPdfUrl(caseId, meeting.id, PARTNER_LANGUAGE)}>
              {t('sharing.downloadSummary')}
            </DownloadLink>
          </Group>
        ) : null}
        {meeting.covered && showSummary ? <MeetingSummary caseId={caseId} meetingId={meeting.id} /> : null}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('meetings.shareTitle')}
        body={t('meetings.shareBody', { n: meeting.participants.length })}
        confirmLabel={t('meetings.share')}
        loading={share.isPending}
        error={share.error}
        onConfirm={() => share.mutate(meeting.id, { onSuccess: () => setConfirming(false) })}
        onClose={() => {
          share.reset();
          setConfirming(false);
        }}
      />
    </Card>
  );
}
