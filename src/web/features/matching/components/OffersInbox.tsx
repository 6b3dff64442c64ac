import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { withIsolated } from '../../../components/isolate';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import type { MyOffer } from '../api';
import { useMyOffers, useRespondToOffer } from '../hooks';
import { DeclineModal } from './DeclineModal';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} dir="auto">
        {children}
      </Text>
    </div>
  );
}

/**
 * "Offers waiting for you" on a counsellor's home: just enough to decide and to spot a conflict of interest
 * (alias, place, language, category, deadline). Accepting opens the case.
 */
export function OffersInbox() {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const navigate = useNavigate();
  const offers = useMyOffers();
  const respond = useRespondToOffer();
  const [declining, setDeclining] = useState<MyOffer | null>(null);
  const language = currentLanguage();

  if (offers.error) return <ErrorAlert error={offers.error} />;
  const items = offers.data?.items ?? [];
  if (items.length === 0) return null;

  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="offers-title"
      padding="md"
      bg="blue.0"
      style={{ borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id="offers-title">
          {t('offers.title')}
        </Title>
        <Badge color="blue" variant="filled" circle={items.length < 10}>
          {items.length}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        {t('offers.hint')}
      </Text>
      {respond.error && !declining ? <ErrorAlert error={respond.error} /> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((offer) => {
          const busy = respond.isPending && respond.variables?.id === offer.id;
          return (
            <Paper component="li" key={offer.id} withBorder p="sm" aria-labelledby={`offer-${offer.id}`}>
              <Text fw={700} id={`offer-${offer.id}`}>
                {withIsolated((reference) => t('offers.caseTitle', { reference }), offer.caseReference)}
              </Text>
              <Group gap="lg" mt="xs" wrap="wrap" align="flex-start">
                <Fact label={t('offers.callerAlias')}>{offer.callerAlias}</Fact>
                <Fact label={t('intake.language')}>
                  {t(`conversationLanguages.${offer.language}`, { defaultValue: offer.language })}
                </Fact>
                <Fact label={t('cases.municipality')}>{offer.municipality || t('common.notGiven')}</Fact>
                <Fact label={t('cases.category')}>{taxonomy.label(offer.categoryId)}</Fact>
                <Fact label={t('offers.deadline')}>{formatDateTime(offer.expiresAt, language)}</Fact>
              </Group>
              <Group gap="xs" mt="sm">
                <Button
                  loading={busy && respond.variables?.accept === true}
                  disabled={respond.isPending}
                  onClick={() =>
                    respond.mutate(
                      { id: offer.id, accept: true },
                      { onSuccess: () => void navigate(`/cases/${offer.caseId}`) },
                    )
                  }
                  aria-label={t('offers.acceptFor', { reference: offer.caseReference })}
                >
                  {t('offers.accept')}
                </Button>
                <Button
                  variant="default"
                  disabled={respond.isPending}
                  onClick={() => {
                    respond.reset();
                    setDeclining(offer);
                  }}
                  aria-label={t('offers.declineFor', { reference: offer.caseReference })}
                >
                  {t('offers.decline')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {declining ? (
        <DeclineModal
          reference={declining.caseReference}
          loading={respond.isPending}
          error={respond.error}
          onDecline={(reason, note) =>
            respond.mutate(
              { id: declining.id, accept: false, reason, note },
              { onSuccess: () => setDeclining(null) },
            )
          }
          onClose={() => setDeclining(null)}
        />
      ) : null}
    </Card>
  );
}
