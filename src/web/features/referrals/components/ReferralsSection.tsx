import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import type { Referral } from '../../../../shared/consent.schema';
import { RecordList } from '../../../components/RecordList';
import { Section } from '../../cases/components/Section';
import { useConsents } from '../../consent/hooks';
import { useReferrals } from '../hooks';
import { ReferralCard } from './ReferralCard';
import { ReferralForm } from './ReferralForm';
import { ReferralActionModal } from './ReferralModals';
import type { ReferralAction } from './ReferralModals';

/** Referrals to partner organisations; each can only be sent while an active consent covers it. */
export function ReferralsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const referrals = useReferrals(detail.id);
  const consents = useConsents(detail.id);
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ referral: Referral; action: ReferralAction } | null>(null);
  const canManage = referrals.data?.canManage ?? false;
  const consentItems = consents.data?.items ?? [];
  const items = [...(referrals.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Section
      id="referrals"
      title={t('referrals.title')}
      actions={
        canManage && !adding ? (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('referrals.propose')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {adding ? (
          <ReferralForm
            caseId={detail.id}
            consents={consentItems}
            onDone={() => setAdding(false)}
            onCancel={() => setAdding(false)}
          />
        ) : null}
        <RecordList
          query={referrals}
          items={items}
          empty={t('referrals.empty')}
          label={t('referrals.listLabel')}
          hideEmpty={adding}
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
