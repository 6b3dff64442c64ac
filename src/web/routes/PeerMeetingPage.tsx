import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PeerMeeting } from '../../shared/peers.schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { SavedNotice } from '../components/SavedNotice';
import { useDiscardGuard } from '../components/useDiscardGuard';
import { useMeeting, useMembers, usePeerMutations } from '../features/peers/hooks';
import { currentLanguage } from '../i18n';

/** One private meeting: where and when (organisers only), invitations, attendance and the note. */
export default function PeerMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/peers?tab=meetings" size="sm">
        {t('peers.meetings.back')}
      </Anchor>
      <ErrorAlert error={meeting.error} />
      {meeting.isPending ? <Loading /> : null}
      {meeting.data ? <MeetingBody key={meeting.data.note} meeting={meeting.data} /> : null}
    </Stack>
  );
}

function MeetingBody({ meeting }: { meeting: PeerMeeting }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const members = useMembers();
  const m = usePeerMutations();
  const [toInvite, setToInvite] = useState<string[]>([]);
  const [sendEmail, setSendEmail] = useState(true);
  const [note, setNote] = useState(meeting.note);
  const [saved, setSaved] = useState(false);
  const dirty = note !== meeting.note;
  const guard = useDiscardGuard(dirty, () => undefined);
  const invited = new Set(meeting.invitees.map((i) => i.memberId));
  const candidates = (members.data?.items ?? []).filter((x) => x.status === 'active' && !invited.has(x.id));
  const when = formatDateTime(meeting.heldAt, language);

  return (
    <Stack>
      {guard.prompt}
      <PageHeading>{t('peers.meetings.pageTitle', { date: when })}</PageHeading>
      <Card withBorder>
        <Stack gap={4}>
          <Text>
            <b>{t('peers.meetings.place')}:</b> {meeting.place}
          </Text>
          <Text>
            <b>{t('peers.meetings.facilitator')}:</b> {meeting.facilitator}
          </Text>
          <Text>
            <b>{t('peers.meetings.callNumber')}:</b> <span className="ltr-text">{meeting.callNumber}</span>
          </Text>
          <Text size="sm" c="dimmed">
            {t('peers.meetings.placeHint')}
          </Text>
        </Stack>
      </Card>

      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('peers.meetings.invitees')}
        </Title>
        <Anchor component={Link} to={`/peers/meetings/${meeting.id}/print`}>
          {t('peers.meetings.print')}
        </Anchor>
      </Group>
      <ErrorAlert error={m.updateMeeting.error} />
      {meeting.invitees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('peers.meetings.noInvitees')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped aria-label={t('peers.meetings.invitees')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peers.members.alias')}</Table.Th>
                <Table.Th>{t('peers.meetings.invitation')}</Table.Th>
                <Table.Th>{t('peers.meetings.attendedColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.invitees.map((i) => (
                <Table.Tr key={i.memberId}>
                  <Table.Td>{i.alias}</Table.Td>
                  <Table.Td>{i.emailed ? t('peers.meetings.emailed') : t('peers.meetings.byPhone')}</Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('peers.meetings.attendedBy', { alias: i.alias })}
                      checked={i.attended === true}
                      onChange={(e) =>
                        m.updateMeeting.mutate({
                          meetingId: meeting.id,
                          attendance: [{ memberId: i.memberId, attended: e.currentTarget.checked }],
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Card withBorder component="section" aria-labelledby="invite-title">
        <Stack gap="sm">
          <Title order={3} size="h5" id="invite-title">
            {t('peers.meetings.inviteTitle')}
          </Title>
          <ErrorAlert error={m.inviteMembers.error ?? members.error} />
          <MultiSelect
            label={t('peers.meetings.inviteMembers')}
            data={candidates.map((c) => ({ value: c.id, label: c.alias }))}
            value={toInvite}
            onChange={setToInvite}
            searchable
            nothingFoundMessage={t('peers.meetings.nobodyLeft')}
          />
          <Switch
            label={t('peers.meetings.sendEmail')}
            description={t('peers.meetings.sendEmailHint')}
            checked={sendEmail}
            onChange={(e) => setSendEmail(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button
              disabled={toInvite.length === 0}
              loading={m.inviteMembers.isPending}
              onClick={() =>
                m.inviteMembers.mutate(
                  { meetingId: meeting.id, memberIds: toInvite, sendEmail },
                  { onSuccess: () => setToInvite([]) },
                )
              }
            >
              {t('peers.meetings.invite')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Textarea
        label={t('peers.meetings.note')}
        description={t('peers.meetings.noteHint')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={4000}
        autosize
        minRows={3}
      />
      <Group justify="flex-end">
        <SavedNotice shown={saved && !dirty} title={t('peers.saved')} />
        <Button
          disabled={!dirty}
          loading={m.updateMeeting.isPending}
          onClick={() => {
            setSaved(false);
            m.updateMeeting.mutate({ meetingId: meeting.id, note }, { onSuccess: () => setSaved(true) });
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
