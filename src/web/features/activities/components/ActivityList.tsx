import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../../../shared/activities.schema';
import { formatDay, formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';

/** The activities as a table: when, what, where, in which languages, by whom, how many came. */
export function ActivityList({
  items,
  typeLabel,
}: {
  items: ActivitySummary[];
  typeLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activities.date')}</Table.Th>
            <Table.Th>{t('activities.titleLabel')}</Table.Th>
            <Table.Th>{t('activities.type')}</Table.Th>
            <Table.Th>{t('activities.municipality')}</Table.Th>
            <Table.Th>{t('activities.languages')}</Table.Th>
            <Table.Th>{t('activities.facilitators')}</Table.Th>
            <Table.Th>{t('activities.attendees')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDay(a.date, language)}
                <Text size="xs" c="dimmed" className="ltr-text">
                  {a.startTime}–{a.endTime}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/activities/${a.id}`} fw={600}>
                  {a.title}
                </Anchor>
                {a.cancelled ? (
                  <Badge color="gray" ms="xs" size="sm">
                    {t('activities.cancelled')}
                  </Badge>
                ) : null}
                {a.isPublic ? (
                  <Badge color="teal" variant="light" ms="xs" size="sm">
                    {t('activities.public')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{typeLabel(a.typeId)}</Table.Td>
              <Table.Td>{a.municipality}</Table.Td>
              <Table.Td>
                {formatList(
                  a.languages.map((code) => t(`conversationLanguages.${code}`)),
                  language,
                )}
              </Table.Td>
              <Table.Td>
                {formatList(
                  a.facilitators.map((f) => f.name),
                  language,
                ) || '—'}
              </Table.Td>
              <Table.Td>{a.attendees ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
