import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/taxonomy.schema';
import { termLabel } from '../hooks/useTerms';

interface TermTableProps {
  terms: Term[];
  onEdit: (term: Term) => void;
  onToggle: (term: Term) => void;
}

/** One list's terms, with their state; retired terms stay (old records point at them) but leave the pickers. */
export function TermTable({ terms, onEdit, onToggle }: TermTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('taxonomies.code')}</Table.Th>
            <Table.Th scope="col">{t('taxonomies.label')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((term) => (
            <Table.Tr key={term.id}>
              <Table.Td className="ltr-text" style={{ whiteSpace: 'nowrap' }}>
                {term.code}
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {termLabel(term)}
                {term.requiresConsent ? (
                  <Text size="xs" c="dimmed">
                    {t('taxonomies.requiresConsent')}
                  </Text>
                ) : null}
              </Table.Th>
              <Table.Td>
                <Badge
                  color={term.active ? 'teal' : 'gray'}
                  variant="light"
                  tt="none"
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {term.active ? t('taxonomies.active') : t('taxonomies.retired')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(term)}
                    aria-label={t('taxonomies.editFor', { label: termLabel(term) })}
                  >
                    {t('taxonomies.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color={term.active ? 'red' : undefined}
                    onClick={() => onToggle(term)}
                    aria-label={t(term.active ? 'taxonomies.retireFor' : 'taxonomies.restoreFor', {
                      label: termLabel(term),
                    })}
                  >
                    {term.active ? t('taxonomies.retire') : t('taxonomies.restore')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
