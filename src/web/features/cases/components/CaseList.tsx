import { Anchor, Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../../shared/cases.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { StateBadge, UrgentBadge } from './CaseBadges';

interface CaseListProps {
  items: CaseSummary[];
  showCounsellor: boolean;
}

/** Cases without their content (never a summary in a list): a table on desktop, cards on phones. */
export function CaseList({ items, showCounsellor }: CaseListProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const language = currentLanguage();
  const counsellor = (item: CaseSummary) => item.counsellorName ?? t('cases.noCounsellor');
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={940}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.reference')}</Table.Th>
                <Table.Th scope="col">{t('cases.callerAlias')}</Table.Th>
                <Table.Th scope="col">{t('cases.state')}</Table.Th>
                <Table.Th scope="col">{t('cases.category')}</Table.Th>
                <Table.Th scope="col">{t('cases.municipality')}</Table.Th>
                {showCounsellor ? <Table.Th scope="col">{t('cases.counsellor')}</Table.Th> : null}
                <Table.Th scope="col">{t('cases.opened')}</Table.Th>
                <Table.Th scope="col">{t('cases.lastActivity')}</Table.Th>
                <Table.Th scope="col">{t('cases.overdueTasks')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/cases/${item.id}`} fw={600} className="ltr-text">
                        {item.reference}
                      </Anchor>
                      {item.urgent ? <UrgentBadge /> : null}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <bdi>{item.callerAlias || '—'}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={item.state} />
                  </Table.Td>
                  <Table.Td>{taxonomy.label(item.categoryId)}</Table.Td>
                  <Table.Td>{item.municipality || '—'}</Table.Td>
                  {showCounsellor ? <Table.Td>{counsellor(item)}</Table.Td> : null}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(item.openedAt, language)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(item.lastActivityAt, language)}
                  </Table.Td>
                  <Table.Td>
                    {item.overdueTasks > 0 ? (
                      <Text c="red.8" fw={700} size="sm">
                        {item.overdueTasks}
                      </Text>
                    ) : (
                      0
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Card key={item.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/cases/${item.id}`} fw={700} className="ltr-text">
                {item.reference}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                {item.urgent ? <UrgentBadge /> : null}
                <StateBadge state={item.state} />
              </Group>
            </Group>
            {item.callerAlias ? (
              <Text size="sm" fw={600} mt={4}>
                <bdi>{item.callerAlias}</bdi>
              </Text>
            ) : null}
            <Text size="sm" mt={4}>
              {taxonomy.label(item.categoryId)}
            </Text>
            <Text size="sm" c="dimmed">
              {[item.municipality, showCounsellor ? counsellor(item) : null].filter(Boolean).join(' · ')}
            </Text>
            <Group justify="space-between" mt={4}>
              <Text size="xs" c="dimmed">
                {t('cases.lastActivity')}: {formatDateTime(item.lastActivityAt, language)}
              </Text>
              {item.overdueTasks > 0 ? (
                <Text size="xs" c="red.8" fw={700}>
                  {t('cases.overdueCount', { n: item.overdueTasks })}
                </Text>
              ) : null}
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}
