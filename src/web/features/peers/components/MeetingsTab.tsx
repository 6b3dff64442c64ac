import { Anchor, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useMeetings } from '../hooks';
import { MeetingForm } from './MeetingForm';
import { PeerListTab } from './PeerListTab';

/** Private meetings, newest first; a meeting's page holds invitations, attendance and the note. */
export function MeetingsTab() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const meetings = useMeetings();
  const [adding, setAdding] = useState(false);
  const items = meetings.data?.items ?? [];
  return (
    <PeerListTab
      intro={t('peers.meetings.intro')}
      addLabel={t('peers.meetings.add')}
      onAdd={() => setAdding(true)}
      query={meetings}
      count={items.length}
      emptyTitle={t('peers.meetings.empty')}
      tableLabel={t('peers.meetings.title')}
      minWidth={480}
      headings={[
        t('peers.meetings.heldAt'),
        t('peers.meetings.facilitator'),
        t('peers.meetings.invited'),
        t('peers.meetings.attended'),
      ]}
      rows={items.map((m) => (
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
    >
      {adding ? (
        <MeetingForm
          onClose={() => setAdding(false)}
          onCreated={(id) => void navigate(`/peers/meetings/${id}`)}
        />
      ) : null}
    </PeerListTab>
  );
}
