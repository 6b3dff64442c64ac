import { Box, Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Disclosure } from '../../../../shared/referrals.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { TypedEvidence } from '../../consent/components/TypedEvidence';
import { categoryLabels, joinList } from '../../consent/labels';

interface DisclosureTableProps {
  items: Disclosure[];
  /** The organisation-wide log names the case; on a case page that is implied. */
  showCase?: boolean;
  label: string;
}

/** What was shared (categories), with whom, how, by whom and when — a table on desktop, cards on phones. */
export function DisclosureTable({ items, showCase, label }: DisclosureTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const when = (item: Disclosure) => formatDateTime(item.disclosedAt, language);
  const what = (item: Disclosure) => joinList(categoryLabels(t, item.categories), language);
  const basis = (item: Disclosure) =>
    item.emergencyId ? t('disclosures.basisEmergency') : t('disclosures.basisConsent');
  return (
    <>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={showCase ? 900 : 760}>
          <Table striped verticalSpacing="xs" aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('disclosures.when')}</Table.Th>
                {showCase ? <Table.Th scope="col">{t('disclosures.case')}</Table.Th> : null}
                <Table.Th scope="col">{t('disclosures.recipient')}</Table.Th>
                <Table.Th scope="col">{t('disclosures.kind')}</Table.Th>
                <Table.Th scope="col">{t('disclosures.categories')}</Table.Th>
                <Table.Th scope="col">{t('disclosures.channel')}</Table.Th>
                <Table.Th scope="col">{t('disclosures.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(item)}</Table.Td>
                  {showCase ? (
                    <Table.Td className="ltr-text" style={{ whiteSpace: 'nowrap' }}>
                      {item.caseReference}
                    </Table.Td>
                  ) : null}
                  <Table.Td dir="auto">{item.recipient}</Table.Td>
                  <Table.Td>
                    {t(`disclosures.kinds.${item.kind}`)}
                    <Text size="xs" c="dimmed">
                      {basis(item)}
                    </Text>
                    {item.typedSignature ? (
                      <TypedEvidence evidence={item.typedSignature} awaiting={false} />
                    ) : null}
                  </Table.Td>
                  <Table.Td>{what(item)}</Table.Td>
                  <Table.Td>{t(`disclosureChannels.${item.channel}`)}</Table.Td>
                  <Table.Td dir="auto">{item.disclosedBy ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack
        hiddenFrom="sm"
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={label}
      >
        {items.map((item) => (
          <Card key={item.id} withBorder component="li" padding="sm">
            <Text fw={700} dir="auto">
              {item.recipient}
            </Text>
            <Text size="sm">
              {t(`disclosures.kinds.${item.kind}`)} · {basis(item)} ·{' '}
              {t(`disclosureChannels.${item.channel}`)}
            </Text>
            <Text size="sm">{what(item)}</Text>
            {item.typedSignature ? <TypedEvidence evidence={item.typedSignature} awaiting={false} /> : null}
            <Text size="xs" c="dimmed">
              {when(item)} · <span dir="auto">{item.disclosedBy ?? '—'}</span>
              {showCase ? (
                <>
                  {' · '}
                  <span className="ltr-text">{item.caseReference}</span>
                </>
              ) : null}
            </Text>
          </Card>
        ))}
      </Stack>
    </>
  );
}
