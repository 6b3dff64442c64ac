import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeLanguage } from '../../../../shared/knowledge.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { Loading } from '../../../components/Loading';
import { useDiff, useVersions } from '../hooks';
import { DiffView } from './DiffView';

/** Every saved version of one language, and "what changed" between any two of them. */
export function VersionHistory({ id, language }: { id: string; language: KnowledgeLanguage }) {
  const { t } = useTranslation();
  const versions = useVersions(id, language, true);
  const items = versions.data?.items ?? [];
  const newest = items[0]?.version ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const diff = useDiff(id, language, pair);
  const fromValue = from ?? Math.max(1, newest - 1);
  const toValue = to ?? newest;
  const options = items.map((v) => ({
    value: String(v.version),
    label: t('knowledge.history.versionLabel', { version: v.version }),
  }));

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorAlert error={versions.error} />;

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('knowledge.history.version')}</Table.Th>
              <Table.Th>{t('knowledge.history.savedAt')}</Table.Th>
              <Table.Th>{t('knowledge.history.savedBy')}</Table.Th>
              <Table.Th>{t('knowledge.history.title')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{formatDateTime(v.savedAt, currentLanguage())}</Table.Td>
                <Table.Td>{v.savedBy ?? t('knowledge.history.starter')}</Table.Td>
                <Table.Td lang={language}>
                  <bdi>{v.title}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length > 1 ? (
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('knowledge.history.from')}
            data={options}
            value={String(fromValue)}
            onChange={(event) => setFrom(Number(event.currentTarget.value))}
          />
          <NativeSelect
            label={t('knowledge.history.to')}
            data={options}
            value={String(toValue)}
            onChange={(event) => setTo(Number(event.currentTarget.value))}
          />
          <Button variant="default" onClick={() => setPair([fromValue, toValue])}>
            {t('knowledge.history.compare')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('knowledge.history.onlyOne')}
        </Text>
      )}
      <ErrorAlert error={diff.error} />
      {pair && diff.isPending ? <Loading /> : null}
      {pair && diff.data ? <DiffView diff={diff.data} /> : null}
    </Stack>
  );
}
