import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useMeetings } from '../hooks';
import { MeetingForm } from './MeetingForm';

/** Private meetings, newest first; a meeting's page holds invitations, attendance and the note. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const meetings = useMeetings();
  const [adding, setAdding] = useState(false);
  const items = meetings.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{t('peers.meetings.intro')}</Text>
        <Button onClick={() => setAdding(true)}>{t('peers.meetings.add')}</Button>
      </Group>
      <ErrorAlert error={meetings.error} />
      {meetings.isPending ? <Loading /> : null}
      {meetings.isSuccess && items.length === 0 ? <EmptyState title={t('peers.meetings.empty')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-label={t('peers.meetings.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peers.meetings.heldAt')}</Table.Th>
                <Table.Th>{t('peers.meetings.facilitator')}</Table.Th>
                <Table.Th>{t('peers.meetings.invited')}</Table.Th>
                <Table.Th>{t('peers.meetings.attended')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/peers/meetings/${m.id}`}>
                      {formatDateTime(m.heldAt, language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.facilitator}</Table.Td>
                  <Table.Td>{m.invited}</Table.Td>
                  <Table.Td>{m.attended}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {adding ? (
        <MeetingForm
          onClose={() => setAdding(false)}
          onCreated={(id) => void navigate(`/peers/meetings/${id}`)}
        />
      ) : null}
    </Stack>
  );
}
