import { Badge, Group, Table, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useMembers } from '../hooks';
import { MemberDetail } from './MemberDetail';
import { MemberForm } from './MemberForm';
import { PeerListTab } from './PeerListTab';

/** The network's members: active first, then those who left (their notes are erased later). */
export function MembersTab() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const members = useMembers();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const items = members.data?.items ?? [];
  return (
    <PeerListTab
      intro={t('peers.members.intro')}
      addLabel={t('peers.members.add')}
      onAdd={() => setAdding(true)}
      query={members}
      count={items.length}
      emptyTitle={t('peers.members.empty')}
      tableLabel={t('peers.members.title')}
      minWidth={560}
      headings={[
        t('peers.members.alias'),
        t('peers.members.language'),
        t('peers.members.joined'),
        t('peers.members.statusLabel'),
      ]}
      rows={items.map((m) => (
        <Table.Tr key={m.id}>
          <Table.Td>
            <UnstyledButton
              onClick={() => setOpen(m.id)}
              td="underline"
              c="var(--mantine-primary-color-filled)"
            >
              {m.alias}
            </UnstyledButton>
          </Table.Td>
          <Table.Td>{t(`conversationLanguages.${m.language}`)}</Table.Td>
          <Table.Td>{formatDay(m.joinedOn, language)}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <Badge color={m.status === 'active' ? 'teal' : 'gray'} variant="light">
                {t(`peers.members.status.${m.status}`)}
              </Badge>
              {m.canBeLinked ? <Badge variant="outline">{t('peers.members.linkable')}</Badge> : null}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    >
      {adding ? <MemberForm onClose={() => setAdding(false)} /> : null}
      {open ? <MemberDetail memberId={open} onClose={() => setOpen(null)} /> : null}
    </PeerListTab>
  );
}
