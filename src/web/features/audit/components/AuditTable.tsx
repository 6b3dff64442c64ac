import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';

/** Audit entries: what changed, never the values themselves. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.entityId')}</Table.Th>
            <Table.Th scope="col">{t('audit.changedFields')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td className="ltr-text">{entry.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{entry.entity}</Table.Td>
              <Table.Td>
                <Text size="xs" className="ltr-text" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {entry.entityId ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{entry.changedFields.length ? entry.changedFields.join(', ') : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
