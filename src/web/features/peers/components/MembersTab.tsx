import { Badge, Button, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useMembers } from '../hooks';
import { MemberDetail } from './MemberDetail';
import { MemberForm } from './MemberForm';

/** The network's members: active first, then those who left (their notes are erased later). */
export function MembersTab() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const members = useMembers();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const items = members.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{t('peers.members.intro')}</Text>
        <Button onClick={() => setAdding(true)}>{t('peers.members.add')}</Button>
      </Group>
      <ErrorAlert error={members.error} />
      {members.isPending ? <Loading /> : null}
      {members.isSuccess && items.length === 0 ? <EmptyState title={t('peers.members.empty')} /> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={t('peers.members.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peers.members.alias')}</Table.Th>
                <Table.Th>{t('peers.members.language')}</Table.Th>
                <Table.Th>{t('peers.members.joined')}</Table.Th>
                <Table.Th>{t('peers.members.statusLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {adding ? <MemberForm onClose={() => setAdding(false)} /> : null}
      {open ? <MemberDetail memberId={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
