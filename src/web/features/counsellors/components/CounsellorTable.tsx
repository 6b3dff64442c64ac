import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { languageLabel } from '../../matching/labels';
import type { CounsellorRow } from '../api';
import { CounsellorStatusBadge, EligibilityBadges } from './StatusBadges';

/** Every counsellor with what decides whether matching can pick them. */
export function CounsellorTable({ items }: { items: CounsellorRow[] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('counsellors.name')}</Table.Th>
            <Table.Th scope="col">{t('counsellors.status')}</Table.Th>
            <Table.Th scope="col">{t('counsellors.languages')}</Table.Th>
            <Table.Th scope="col">{t('counsellors.caseloadHeader')}</Table.Th>
            <Table.Th scope="col">{t('counsellors.eligibility')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.userId}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/counsellors/${item.userId}`} fw={600} dir="auto">
                  {item.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <CounsellorStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {item.languages.length
                    ? formatList(
                        item.languages.map((code) => languageLabel(t, taxonomy, code)),
                        currentLanguage(),
                      )
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="ltr-text" span>
                  {item.activeCases} / {item.maxActiveCases}
                </Text>
              </Table.Td>
              <Table.Td>
                <EligibilityBadges
                  trained={item.trained}
                  vogValid={item.vogValid}
                  available={item.available}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
