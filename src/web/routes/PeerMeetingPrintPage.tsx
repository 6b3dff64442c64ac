import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useMeeting } from '../features/peers/hooks';
import { currentLanguage } from '../i18n';

/**
 * The printable invitation list: whom to call, and what to tell them. For the organiser's own use; the
 * browser's print dialog makes the paper (the navigation is hidden in print by the app's print styles).
 */
export default function PeerMeetingPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const language = currentLanguage();
  const data = meeting.data;
  return (
    <Stack maw={800}>
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/peers/meetings/${id}`} size="sm">
          {t('peers.meetings.backToMeeting')}
        </Anchor>
        <Button onClick={() => window.print()} disabled={!data}>
          {t('peers.meetings.printNow')}
        </Button>
      </Group>
      <ErrorAlert error={meeting.error} />
      {meeting.isPending ? <Loading /> : null}
      {data ? (
        <>
          <PageHeading>
            {t('peers.meetings.printTitle', { date: formatDateTime(data.heldAt, language) })}
          </PageHeading>
          <Text>
            {t('peers.meetings.printIntro', { place: data.place, call: `\u2066${data.callNumber}\u2069` })}
          </Text>
          <Table withTableBorder withColumnBorders aria-label={t('peers.meetings.invitees')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peers.members.alias')}</Table.Th>
                <Table.Th>{t('peers.members.phone')}</Table.Th>
                <Table.Th>{t('peers.meetings.invitation')}</Table.Th>
                <Table.Th>{t('peers.meetings.called')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.invitees.map((i) => (
                <Table.Tr key={i.memberId}>
                  <Table.Td>{i.alias}</Table.Td>
                  <Table.Td>
                    <span className="ltr-text" style={{ whiteSpace: 'nowrap' }}>
                      {i.phone || '—'}
                    </span>
                  </Table.Td>
                  <Table.Td>{i.emailed ? t('peers.meetings.emailed') : t('peers.meetings.byPhone')}</Table.Td>
                  <Table.Td aria-label={t('peers.meetings.called')}> </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {data.invitees.length === 0 ? <Text c="dimmed">{t('peers.meetings.noInvitees')}</Text> : null}
        </>
      ) : null}
    </Stack>
  );
}
