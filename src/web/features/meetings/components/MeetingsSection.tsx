import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { RecordList } from '../../../components/RecordList';
import { Section } from '../../cases/components/Section';
import { useConsents } from '../../consent/hooks';
import { useMeetings } from '../hooks';
import { MeetingCard } from './MeetingCard';
import { MeetingForm } from './MeetingForm';

/** Multi-agency case meetings (casusoverleg): only case by case, and only with consent for every participant. */
export function MeetingsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const meetings = useMeetings(detail.id);
  const consents = useConsents(detail.id);
  const [adding, setAdding] = useState(false);
  const canManage = meetings.data?.canManage ?? false;
  const items = [...(meetings.data?.items ?? [])].sort((a, b) => b.meetingOn.localeCompare(a.meetingOn));
  return (
    <Section
      id="meetings"
      title={t('meetings.title')}
      actions={
        canManage && !adding ? (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('meetings.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('meetings.intro')}
        </Text>
        {adding ? (
          <MeetingForm detail={detail} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        ) : null}
        <RecordList
          query={meetings}
          items={items}
          empty={t('meetings.empty')}
          label={t('meetings.listLabel')}
          hideEmpty={adding}
        >
          {(meeting) => (
            <MeetingCard
              key={meeting.id}
              caseId={detail.id}
              meeting={meeting}
              consents={consents.data?.items ?? []}
              canManage={canManage}
            />
          )}
        </RecordList>
      </Stack>
    </Section>
  );
}
