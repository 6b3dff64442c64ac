import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit.schema';
import { formatDateTime, formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { logLabel } from '../labels';

/** Audit entries: what changed, in words, and on which case (by reference) — never the values themselves. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" aria-label={t('titles.audit')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.caseReference')}</Table.Th>
            <Table.Th scope="col">{t('audit.changedFields')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td className="ltr-text">
                {entry.seq ?? (
                  <Text span size="sm" c="dimmed">
                    {t('audit.pendingLink')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td dir="auto">{entry.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Text size="sm" title={entry.action}>
                  {logLabel(t, 'actions', entry.action)}
                </Text>
              </Table.Td>
              <Table.Td>{logLabel(t, 'entities', entry.entity)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {entry.caseReference ? <bdi dir="ltr">{entry.caseReference}</bdi> : '—'}
              </Table.Td>
              <Table.Td>
                {entry.changedFields.length
                  ? formatList(
                      entry.changedFields.map((f) => logLabel(t, 'fields', f)),
                      language,
                    )
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
