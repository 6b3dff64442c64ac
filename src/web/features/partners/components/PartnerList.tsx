import { Badge, Box, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/partners.schema';
import { formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';

interface PartnerListProps {
  items: Partner[];
  canManage: boolean;
  onEdit: (partner: Partner) => void;
  onToggle: (partner: Partner) => void;
}

function RetiredBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="light" tt="none">
      {t('partners.retired')}
    </Badge>
  );
}

/** The directory: a table on desktop, cards on phones. */
export function PartnerList({ items, canManage, onEdit, onToggle }: PartnerListProps) {
  const { t } = useTranslation();
  const dash = (value: string) => value || '—';
  const languages = (partner: Partner) =>
    partner.languages.length ? formatList(partner.languages, currentLanguage()) : '—';
  const actions = (partner: Partner) =>
    canManage ? (
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          onClick={() => onEdit(partner)}
          aria-label={t('partners.editFor', { name: partner.name })}
        >
          {t('partners.edit')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color={partner.active ? 'red' : undefined}
          onClick={() => onToggle(partner)}
          aria-label={t(partner.active ? 'partners.retireFor' : 'partners.restoreFor', {
            name: partner.name,
          })}
        >
          {partner.active ? t('partners.retire') : t('partners.restore')}
        </Button>
      </Group>
    ) : null;

  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partners.name')}</Table.Th>
                <Table.Th scope="col">{t('partners.type')}</Table.Th>
                <Table.Th scope="col">{t('partners.municipality')}</Table.Th>
                <Table.Th scope="col">{t('partners.languages')}</Table.Th>
                <Table.Th scope="col">{t('partners.secureContact')}</Table.Th>
                <Table.Th scope="col">{t('partners.contactPerson')}</Table.Th>
                {canManage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Th scope="row" fw={600}>
                    <Text span inherit dir="auto">
                      {partner.name}
                    </Text>{' '}
                    {partner.active ? null : <RetiredBadge />}
                  </Table.Th>
                  <Table.Td>{t(`partners.types.${partner.type}`)}</Table.Td>
                  <Table.Td dir="auto">{dash(partner.municipality)}</Table.Td>
                  <Table.Td className="ltr-text">{languages(partner)}</Table.Td>
                  <Table.Td dir="auto" style={{ whiteSpace: 'pre-line' }}>
                    {dash(partner.secureContact)}
                  </Table.Td>
                  <Table.Td dir="auto">{dash(partner.contactPerson)}</Table.Td>
                  {canManage ? <Table.Td>{actions(partner)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((partner) => (
          <Card key={partner.id} withBorder component="li" padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={700} dir="auto">
                {partner.name}
              </Text>
              {partner.active ? null : <RetiredBadge />}
            </Group>
            <Text size="sm">
              {[t(`partners.types.${partner.type}`), partner.municipality].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('partners.languages')}: <span className="ltr-text">{languages(partner)}</span>
            </Text>
            <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {t('partners.secureContact')}: {dash(partner.secureContact)}
            </Text>
            <Text size="sm" c="dimmed" dir="auto">
              {t('partners.contactPerson')}: {dash(partner.contactPerson)}
            </Text>
            {canManage ? <Box mt="xs">{actions(partner)}</Box> : null}
          </Card>
        ))}
      </Stack>
    </>
  );
}
