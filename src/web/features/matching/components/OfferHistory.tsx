import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import type { Offer } from '../api';
import { languageLabel } from '../labels';

const STATUS_COLOURS: Record<Offer['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  declined: 'orange',
  expired: 'red',
  withdrawn: 'gray',
};

export function OfferStatusBadge({ status }: { status: Offer['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" tt="none">
      {t(`matching.offerStatus.${status}`)}
    </Badge>
  );
}

/** Who was asked, what they answered and why; the newest first. */
export function OfferHistory({ items }: { items: Offer[] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const language = currentLanguage();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="offer-history-title">
        {t('matching.history')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matching.noOffers')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-labelledby="offer-history-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.counsellor')}</Table.Th>
                <Table.Th scope="col">{t('matching.status')}</Table.Th>
                <Table.Th scope="col">{t('matching.offeredAt')}</Table.Th>
                <Table.Th scope="col">{t('matching.answer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((offer) => (
                <Table.Tr key={offer.id}>
                  <Table.Th scope="row" fw={500}>
                    <bdi>{offer.counsellorName}</bdi>
                    {offer.interpreterLanguage ? (
                      <Badge variant="light" color="grape" tt="none" ms={6}>
                        {t('matching.viaInterpreter', {
                          language: languageLabel(t, taxonomy, offer.interpreterLanguage),
                        })}
                      </Badge>
                    ) : null}
                    {offer.reach !== 'region' ? (
                      <Badge variant="light" color="gray" tt="none" ms={6}>
                        {t(`matching.widened.badge.${offer.reach}`)}
                      </Badge>
                    ) : null}
                  </Table.Th>
                  <Table.Td>
                    <OfferStatusBadge status={offer.status} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(offer.createdAt, language)}</Table.Td>
                  <Table.Td>
                    {offer.status === 'pending'
                      ? t('matching.answerBefore', { when: formatDateTime(offer.expiresAt, language) })
                      : [
                          offer.declineReason
                            ? t(`matching.declineReasons.${offer.declineReason}`, {
                                defaultValue: offer.declineReason,
                              })
                            : null,
                          offer.declineNote ? `“${offer.declineNote}”` : null,
                          formatDateTime(offer.respondedAt, language),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
