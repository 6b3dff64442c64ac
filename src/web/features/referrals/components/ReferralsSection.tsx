import { Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import type { Consent } from '../../../../shared/consent.schema';
import type { Referral } from '../../../../shared/referrals.schema';
import { RecordList } from '../../../components/RecordList';
import { Section } from '../../cases/components/Section';
import { useConsents } from '../../consent/hooks';
import { useReferrals } from '../hooks';
import { ReferralCard } from './ReferralCard';
import { ReferralForm } from './ReferralForm';
import { ReferralActionModal } from './ReferralModals';
import type { ReferralAction } from './ReferralModals';

interface ReferralsSectionProps {
  detail: CaseDetail;
  /** "Refer with this consent": open the form filled in from it, then show what would leave before sending. */
  handoff?: Consent | null;
  onHandoffEnd?: () => void;
}

/** Referrals to partner organisations; each can only be sent while an active consent covers it. */
export function ReferralsSection({ detail, handoff = null, onHandoffEnd }: ReferralsSectionProps) {
  const { t } = useTranslation();
  const referrals = useReferrals(detail.id);
  const consents = useConsents(detail.id);
  const [adding, setAdding] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const open = adding || handoff !== null;

  // The hand-off form appears below the consents: bring it into view and put the cursor in it.
  useEffect(() => {
    if (!handoff) return;
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [handoff]);

  function close() {
    setAdding(false);
    onHandoffEnd?.();
  }
  const [acting, setActing] = useState<{ referral: Referral; action: ReferralAction } | null>(null);
  const canManage = referrals.data?.canManage ?? false;
  const consentItems = consents.data?.items ?? [];
  const items = [...(referrals.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Section
      id="referrals"
      title={t('referrals.title')}
      actions={
        canManage && !open ? (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('referrals.propose')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {open ? (
          <div ref={formRef}>
            <ReferralForm
              key={handoff?.id ?? 'new'}
              caseId={detail.id}
              consents={consentItems}
              fromConsent={handoff}
              onDone={(referral) => {
                // From a consent, the next step is the preview of what would be sent.
                if (handoff && referral.allowedMoves.includes('sent'))
                  setActing({ referral, action: { kind: 'send' } });
                close();
              }}
              onCancel={close}
            />
          </div>
        ) : null}
        <RecordList
          query={referrals}
          items={items}
          empty={t('referrals.empty')}
          label={t('referrals.listLabel')}
          hideEmpty={open}
        >
          {(referral) => (
            <ReferralCard
              key={referral.id}
              caseId={detail.id}
              referral={referral}
              consents={consentItems}
              canManage={canManage}
              onAction={(action) => setActing({ referral, action })}
            />
          )}
        </RecordList>
      </Stack>
      {acting ? (
        <ReferralActionModal
          caseId={detail.id}
          referral={acting.referral}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      ) : null}
    </Section>
  );
}
