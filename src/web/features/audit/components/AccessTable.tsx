import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccessEntry } from '../../../../shared/audit.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { logLabel } from '../labels';

/** Who opened (or was refused) which record, when, and why. */
export function AccessTable({ items }: { items: AccessEntry[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-label={t('titles.accessLog')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.caseReference')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.purpose')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.outcome')}</Table.Th>
            <Table.Th scope="col">{t('accessLog.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td dir="auto">{entry.actorName ?? '—'}</Table.Td>
              <Table.Td>{logLabel(t, 'entities', entry.entity)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {entry.caseReference ? (
                  <bdi dir="ltr">{entry.caseReference}</bdi>
                ) : entry.entityId === '*' ? (
                  '—'
                ) : (
                  <Text size="xs" className="ltr-text" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {entry.entityId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{logLabel(t, 'purposes', entry.purpose)}</Table.Td>
              <Table.Td>
                {entry.outcome === 'denied' ? (
                  <Badge color="red" variant="light">
                    {t('accessLog.outcomes.denied')}
                  </Badge>
                ) : (
                  t('accessLog.outcomes.read')
                )}
              </Table.Td>
              <Table.Td dir="auto">{entry.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
