import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import type { Consent } from '../../../../shared/consent.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RecordList } from '../../../components/RecordList';
import { Section } from '../../cases/components/Section';
import type { WithdrawResult } from '../api';
import { useConsents } from '../hooks';
import { ConsentCard } from './ConsentCard';
import { ConsentForm } from './ConsentForm';
import { SignModal } from './SignModal';
import { WithdrawDialog } from './WithdrawDialog';

type Notice =
  { kind: 'saved'; consent: Consent; uploadError: unknown } | { kind: 'withdrawn'; result: WithdrawResult };

function NoticeAlert({
  notice,
  onClose,
  onRefer,
}: {
  notice: Notice;
  onClose: () => void;
  onRefer?: ((consent: Consent) => void) | undefined;
}) {
  const { t } = useTranslation();
  if (notice.kind === 'saved') {
    return (
      <Stack gap={4}>
        <Alert
          color="teal"
          variant="light"
          role="status"
          withCloseButton
          onClose={onClose}
          closeButtonLabel={t('common.close')}
          title={t('consent.saved')}
        >
          {notice.consent.status === 'pending_written' ? t('consent.savedPending') : null}
          {notice.consent.status === 'active' && onRefer ? (
            <Button size="xs" mt={4} onClick={() => onRefer(notice.consent)}>
              {t('handoff.referWith')}
            </Button>
          ) : null}
        </Alert>
        {notice.uploadError ? (
          <>
            <Alert color="red" variant="light" title={t('consentDocument.uploadFailed')}>
              {t('consentDocument.uploadLater')}
            </Alert>
            <ErrorAlert error={notice.uploadError} />
          </>
        ) : null}
      </Stack>
    );
  }
  const { result } = notice;
  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      title={t('consent.withdrawn')}
    >
      <Stack gap={4}>
        <Text size="sm">{t('consent.cancelledReferrals', { n: result.cancelledReferrals.length })}</Text>
        {result.informTaskId ? <Text size="sm">{t('consent.informTaskCreated')}</Text> : null}
      </Stack>
    </Alert>
  );
}

/** Consent on the case page: what the caller agreed to share, with whom, and until when. */
export function ConsentSection({
  detail,
  onRefer,
}: {
  detail: CaseDetail;
  /** "Refer with this consent": hands the consent to the referral form. */
  onRefer?: (consent: Consent) => void;
}) {
  const { t } = useTranslation();
  const consents = useConsents(detail.id);
  const [adding, setAdding] = useState(false);
  const [signing, setSigning] = useState<Consent | null>(null);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const canManage = consents.data?.canManage ?? false;
  // Consents that still count first, then the newest.
  const current = (consent: Consent) =>
    Number(consent.status === 'active' || consent.status === 'pending_written');
  const items = [...(consents.data?.items ?? [])].sort(
    (a, b) => current(b) - current(a) || b.givenOn.localeCompare(a.givenOn),
  );

  return (
    <Section
      id="consent"
      title={t('consent.title')}
      actions={
        canManage && !adding ? (
          <Button
            size="xs"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            {t('consent.record')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('consent.intro')}
        </Text>
        {notice ? (
          <NoticeAlert
            notice={notice}
            onClose={() => setNotice(null)}
            onRefer={
              canManage && onRefer
                ? (consent) => {
                    setNotice(null);
                    onRefer(consent);
                  }
                : undefined
            }
          />
        ) : null}
        {adding ? (
          <ConsentForm
            detail={detail}
            onCancel={() => setAdding(false)}
            onDone={(consent, uploadError) => {
              setAdding(false);
              setNotice({ kind: 'saved', consent, uploadError });
            }}
          />
        ) : null}
        <RecordList
          query={consents}
          items={items}
          empty={t('consent.empty')}
          label={t('consent.listLabel')}
          hideEmpty={adding}
        >
          {(consent) => (
            <ConsentCard
              key={consent.id}
              caseId={detail.id}
              consent={consent}
              canManage={canManage}
              onSign={() => setSigning(consent)}
              onWithdraw={() => setWithdrawing(consent)}
              {...(onRefer ? { onRefer: () => onRefer(consent) } : {})}
            />
          )}
        </RecordList>
      </Stack>
      {signing ? <SignModal caseId={detail.id} consent={signing} onClose={() => setSigning(null)} /> : null}
      {withdrawing ? (
        <WithdrawDialog
          caseId={detail.id}
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(result) => {
            setWithdrawing(null);
            setNotice({ kind: 'withdrawn', result });
          }}
        />
      ) : null}
    </Section>
  );
}
