import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import { formatDay } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { currentLanguage, LANGUAGE_NAMES } from '../../../i18n';
import { consentDocumentUrl, consentFormUrl } from '../api';
import { categoryLabels, joinList, recipientLabel } from '../labels';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useConsentMutations } from '../hooks';
import { ConsentStatusBadge } from './ConsentStatusBadge';
import { DownloadLink } from './DownloadLink';
import { TypedEvidence } from './TypedEvidence';
import { UploadDocumentButton } from './UploadDocumentButton';

interface ConsentCardProps {
  caseId: string;
  consent: Consent;
  canManage: boolean;
  onSign: () => void;
  onWithdraw: () => void;
  /** Opens the referral form filled in from this consent (only offered while it is active). */
  onRefer?: () => void;
}

/** One consent: status, scope, how and when it was given, the form and the signed document. */
export function ConsentCard({ caseId, consent, canManage, onSign, onWithdraw, onRefer }: ConsentCardProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const day = (value: string | null) => formatDay(value, language);
  const recipient = recipientLabel(t, consent);
  const open = consent.status === 'active' || consent.status === 'pending_written';
  const { confirm } = useConsentMutations(caseId);
  return (
    <Card withBorder component="li" padding="sm" aria-label={t('consent.cardLabel', { recipient })}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={700} dir="auto">
            {recipientLabel(t, consent, true)}
          </Text>
          <ConsentStatusBadge consent={consent} />
        </Group>
        <Text size="sm">
          <strong>{t('consent.purpose')}:</strong> {t(`consentPurposes.${consent.purpose}.label`)}
          {consent.purposeNote ? <span dir="auto"> — {consent.purposeNote}</span> : null}
        </Text>
        <Text size="sm">
          <strong>{t('consent.shares')}:</strong> {joinList(categoryLabels(t, consent.categories), language)}
        </Text>
        <Text size="sm" c="dimmed">
          {isolatedValues((slots) => t('consent.givenLine', slots), {
            who: consent.givenBy,
            method: t(`consentMethods.${consent.method}.label`),
            from: day(consent.givenOn),
            until: day(consent.validUntil),
          })}
        </Text>
        {consent.writtenOn ? (
          <Text size="sm" c="dimmed">
            {isolatedValues((v) => t('consent.writtenOn', v), { date: day(consent.writtenOn) })}
            {consent.typedName ? (
              <> · {isolatedValues((slots) => t('consent.typedAs', slots), { name: consent.typedName })}</>
            ) : null}
          </Text>
        ) : null}
        {consent.method === 'signature_typed' && consent.writtenOn ? (
          consent.typedEvidence ? (
            <TypedEvidence evidence={consent.typedEvidence} awaiting={consent.needsConfirmation} />
          ) : (
            <Text size="xs" c="dimmed">
              {t('typedEvidence.legacy')}
              {consent.needsConfirmation ? <> {t('typedEvidence.awaiting')}</> : null}
            </Text>
          )
        ) : null}
        {consent.status === 'pending_written' ? (
          <Text size="sm" c="orange.9">
            {consent.writtenDueOn
              ? t('consent.pendingHintDue', { date: day(consent.writtenDueOn) })
              : t('consent.pendingHint')}
          </Text>
        ) : null}
        {consent.status === 'withdrawn' ? (
          <Text size="sm" c="red.9">
            {isolatedValues((v) => t('consent.withdrawnLine', v), { date: day(consent.withdrawnOn) })}
            {consent.withdrawalNote ? <span dir="auto"> — {consent.withdrawalNote}</span> : null}
          </Text>
        ) : null}
        <Group gap="md" wrap="wrap">
          <DownloadLink href={consentFormUrl(caseId, consent.id, consent.language)}>
            {t('consent.printForm', { language: LANGUAGE_NAMES[consent.language] })}
          </DownloadLink>
          {consent.document ? (
            <DownloadLink href={consentDocumentUrl(caseId, consent.id)}>
              {isolatedValues((v) => t('consentDocument.download', v), { name: consent.document.fileName })}
            </DownloadLink>
          ) : null}
        </Group>
        {consent.canConfirm && consent.status === 'active' ? (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={confirm.isPending}
              onClick={() => confirm.mutate(consent.id)}
              aria-label={t('typedEvidence.confirmFor', { recipient })}
            >
              {t('typedEvidence.confirm')}
            </Button>
            <ErrorAlert error={confirm.error} />
          </Group>
        ) : null}
        {canManage && open ? (
          <Group gap="xs" wrap="wrap" align="flex-start">
            {consent.status === 'pending_written' ? (
              <>
                <Button size="xs" onClick={onSign}>
                  {t('consent.sign')}
                </Button>
                <UploadDocumentButton caseId={caseId} consentId={consent.id} replace={false} />
              </>
            ) : null}
            {consent.status === 'active' && onRefer ? (
              <Button size="xs" onClick={onRefer} aria-label={t('handoff.referWithFor', { recipient })}>
                {t('handoff.referWith')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="outline"
              color="red"
              onClick={onWithdraw}
              aria-label={t('consent.withdrawFor', { recipient })}
            >
              {t('consent.withdraw')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
