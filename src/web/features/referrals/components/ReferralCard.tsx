import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import type { Referral, ReferralStatus } from '../../../../shared/referrals.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { CoverageNote } from '../../consent/components/CoverageNote';
import { DownloadLink } from '../../consent/components/DownloadLink';
import { SummaryView } from '../../consent/components/SummaryView';
import { categoryLabels, joinList, PARTNER_LANGUAGE } from '../../consent/labels';
import { referralSummaryPdfUrl } from '../api';
import { useReferralSummary } from '../hooks';
import type { ReferralAction } from './ReferralModals';

const COLOURS: Record<ReferralStatus, string> = {
  proposed: 'blue',
  sent: 'indigo',
  accepted: 'teal',
  declined: 'orange',
  completed: 'green',
  cancelled: 'gray',
};

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" tt="none">
      {t(`referrals.statuses.${status}`)}
    </Badge>
  );
}

/** The reason the server records when a withdrawal cancels a referral (shown translated). */

/** Open referrals still depend on consent; closed ones are history. */
const isOpen = (status: ReferralStatus) =>
  status === 'proposed' || status === 'sent' || status === 'accepted';

function ReferralSummary({ caseId, referralId }: { caseId: string; referralId: string }) {
  const summary = useReferralSummary(caseId, referralId, currentLanguage(), true);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  return <SummaryView summary={summary.data} />;
}

interface ReferralCardProps {
  caseId: string;
  referral: Referral;
  consents: Consent[];
  canManage: boolean;
  onAction: (action: ReferralAction) => void;
}

/** One referral: partner, purpose, what it shares, whether consent covers it, and the moves allowed now. */
export function ReferralCard({ caseId, referral, consents, canManage, onAction }: ReferralCardProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [showSummary, setShowSummary] = useState(false);
  const covered = referral.coverage.covered && isOpen(referral.status);
  const name = referral.partner.name;
  return (
    <Card withBorder component="li" padding="sm" aria-label={t('referrals.cardLabel', { name })}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={700} dir="auto">
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`partners.types.${referral.partner.type}`)}
            </Text>
          </div>
          <ReferralStatusBadge status={referral.status} />
        </Group>
        <Text size="sm">
          <strong>{t('referrals.purpose')}:</strong> {t(`consentPurposes.${referral.purpose}.label`)}
        </Text>
        <Text size="sm">
          <strong>{t('referrals.categories')}:</strong>{' '}
          {joinList(categoryLabels(t, referral.categories), language)}
        </Text>
        {referral.note ? (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {referral.note}
          </Text>
        ) : null}
        {referral.sentAt ? (
          <Text size="sm" c="dimmed">
            {t('referrals.sentLine', {
              channel: referral.channel ? t(`disclosureChannels.${referral.channel}`) : '—',
              when: formatDateTime(referral.sentAt, language),
            })}
          </Text>
        ) : null}
        {referral.responseNote ? (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {isolatedValues((slots) => t('referrals.responseNote', slots), { note: referral.responseNote })}
          </Text>
        ) : null}
        {referral.status === 'cancelled' && (referral.cancelReason || referral.cancelCause) ? (
          <Text size="sm" c="dimmed">
            {referral.cancelCause === 'consent_withdrawn'
              ? t('referrals.cancelledByWithdrawal')
              : isolatedValues((slots) => t('referrals.cancelledLine', slots), {
                  reason: referral.cancelReason ?? '',
                })}
          </Text>
        ) : null}
        {isOpen(referral.status) ? <CoverageNote coverage={referral.coverage} consents={consents} /> : null}
        {referral.awaitingConfirmation ? (
          <Text size="sm" c="orange.9">
            {t('referrals.awaitingConfirmation')}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          {canManage
            ? referral.allowedMoves.map((move) => (
                <Button
                  key={move}
                  size="xs"
                  variant={move === 'sent' ? 'filled' : move === 'cancelled' ? 'subtle' : 'default'}
                  color={move === 'cancelled' ? 'red' : undefined}
                  onClick={() =>
                    onAction(
                      move === 'sent'
                        ? { kind: 'send' }
                        : move === 'cancelled'
                          ? { kind: 'cancel' }
                          : { kind: 'respond', outcome: move },
                    )
                  }
                >
                  {t(`referrals.moves.${move}`)}
                </Button>
              ))
            : null}
          {covered ? (
            <Button
              size="xs"
              variant="light"
              aria-expanded={showSummary}
              onClick={() => setShowSummary((value) => !value)}
            >
              {showSummary ? t('sharing.hideSummary') : t('sharing.showSummary')}
            </Button>
          ) : null}
          {covered ? (
            <DownloadLink href={referralSummaryPdfUrl(caseId, referral.id, PARTNER_LANGUAGE)}>
              {t('sharing.downloadSummary')}
            </DownloadLink>
          ) : null}
        </Group>
        {covered && showSummary ? <ReferralSummary caseId={caseId} referralId={referral.id} /> : null}
      </Stack>
    </Card>
  );
}
