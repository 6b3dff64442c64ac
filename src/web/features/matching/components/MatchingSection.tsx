import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HARD_FILTERS } from '../../../../shared/matching.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../components/fieldPaths';
import { fieldErrorText } from '../../../components/formErrors';
import { Loading } from '../../../components/Loading';
import { Section } from '../../cases/components/Section';
import { STRICT } from '../api';
import type { Shortlist, Widening } from '../api';
import { useCaseOffers, useCreateOffer, useShortlist } from '../hooks';
import { CandidateCard } from './CandidateCard';
import { NoMatchPanel } from './NoMatchPanel';
import { OfferHistory } from './OfferHistory';

/** "Excluded: 2 not trained, 1 VOG expired" — only the filters that removed someone. */
function ExcludedSummary({ shortlist }: { shortlist: Shortlist }) {
  const { t } = useTranslation();
  const parts = HARD_FILTERS.filter((filter) => (shortlist.excluded[filter] ?? 0) > 0).map((filter) =>
    t(`matching.excluded.${filter}`, { n: shortlist.excluded[filter] }),
  );
  return (
    <Text size="sm" c="dimmed">
      {t('matching.considered', { n: shortlist.considered })}
      {parts.length ? ` ${t('matching.excludedLead')} ${formatList(parts, currentLanguage())}.` : ''}
    </Text>
  );
}

function ShortlistView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [widening, setWidening] = useState<Widening>(STRICT);
  const shortlist = useShortlist(detail.id, widening);
  const offers = useCaseOffers(detail.id);
  const offer = useCreateOffer(detail.id, widening);
  const [confirming, setConfirming] = useState<{ id: string; name: string } | null>(null);
  const pending = offers.data?.items.find((item) => item.status === 'pending');

  function start(candidate: { counsellorId: string; name: string }) {
    offer.reset();
    if (pending && pending.counsellorId !== candidate.counsellorId)
      setConfirming({ id: candidate.counsellorId, name: candidate.name });
    else offer.mutate(candidate.counsellorId);
  }

  if (shortlist.isPending) return <Loading />;
  if (shortlist.error) return <ErrorAlert error={shortlist.error} />;
  const data = shortlist.data;
  // The counsellor a filter refuses is named on the offer's `counsellorId`.
  const refused = serverFieldErrors(isApiError(offer.error) ? offer.error.fieldErrors : [], {});
  const filterError = fieldErrorText(t, refused.counsellorId);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('matching.intro')}</Text>
      <ExcludedSummary shortlist={data} />
      {widening.reach !== 'region' || widening.interpreter ? (
        <Alert color="blue" variant="light" role="status" title={t('matching.widened.title')}>
          <Stack gap={6} align="flex-start">
            <Text size="sm">
              {[
                widening.reach !== 'region' ? t(`matching.widened.${widening.reach}`) : null,
                widening.interpreter ? t('matching.widened.interpreter') : null,
              ]
                .filter(Boolean)
                .join(' ')}
            </Text>
            <Button size="xs" variant="default" onClick={() => setWidening(STRICT)}>
              {t('matching.widened.reset')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {offer.error && !confirming ? (
        <Alert color="red" variant="light" role="alert" title={t('matching.offerFailed')}>
          {filterError ?? t('errors.internal')}
        </Alert>
      ) : null}
      {pending ? (
        <Alert color="blue" variant="light" role="status">
          {t('matching.pendingWith', { name: pending.counsellorName })}
        </Alert>
      ) : null}
      {data.candidates.length > 0 ? (
        <Stack component="ol" gap="xs" p={0} m={0} aria-label={t('matching.shortlist')}>
          {data.candidates.map((candidate, index) => (
            <CandidateCard
              key={candidate.counsellorId}
              rank={index + 1}
              name={candidate.name}
              score={candidate.score}
              parts={candidate.parts}
              offering={offer.isPending && offer.variables === candidate.counsellorId}
              disabled={
                (offer.isPending && offer.variables !== candidate.counsellorId) ||
                pending?.counsellorId === candidate.counsellorId ||
                detail.counsellor?.id === candidate.counsellorId
              }
              onOffer={() => start(candidate)}
            />
          ))}
        </Stack>
      ) : (
        <NoMatchPanel
          caseId={detail.id}
          diagnosis={data.diagnosis}
          widening={widening}
          canWait={detail.state === 'intake' || detail.state === 'matching'}
          onWiden={setWidening}
        />
      )}
      {data.nextBest.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('matching.nextBest')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('matching.nextBestHint')}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0}>
            {data.nextBest.map((candidate) => (
              <CandidateCard
                key={candidate.counsellorId}
                name={candidate.name}
                score={candidate.score}
                parts={candidate.parts}
                fails={candidate.fails}
              />
            ))}
          </Stack>
        </Stack>
      ) : null}
      {offers.error ? <ErrorAlert error={offers.error} /> : null}
      {offers.data ? <OfferHistory items={offers.data.items} /> : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('matching.replaceTitle')}
        body={t('matching.replaceBody', {
          pending: pending?.counsellorName ?? '',
          name: confirming?.name ?? '',
        })}
        confirmLabel={t('matching.offer')}
        loading={offer.isPending}
        error={offer.error}
        onConfirm={() => {
          if (confirming) offer.mutate(confirming.id, { onSuccess: () => setConfirming(null) });
        }}
        onClose={() => setConfirming(null)}
      />
    </Stack>
  );
}

/**
 * Matching on the case page (coordinators): the ranked, explained shortlist with one click to offer the
 * case, why others were left out, and the history of offers. Shown open while the case has no counsellor.
 */
export function MatchingSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(!detail.counsellor);
  if (!detail.abilities.canAssign || detail.state === 'closed' || detail.state === 'aftercare') return null;
  return (
    <Section
      id="matching"
      title={t('matching.title')}
      actions={
        detail.counsellor ? (
          <Button size="xs" variant="default" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
            {open ? t('matching.hide') : t('matching.show')}
          </Button>
        ) : null
      }
    >
      {open ? <ShortlistView detail={detail} /> : null}
    </Section>
  );
}
