import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import type { Referral } from '../../../../shared/consent.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
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
        <ErrorAlert error={referrals.error} />
        {referrals.isPending ? <Loading /> : null}
        {referrals.isSuccess && items.length === 0 && !adding ? (
          <Text size="sm" c="dimmed">
            {t('referrals.empty')}
          </Text>
        ) : null}
        {items.length ? (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('referrals.listLabel')}
          >
            {items.map((referral) => (
              <ReferralCard
                key={referral.id}
                caseId={detail.id}
                referral={referral}
                consents={consentItems}
                canManage={canManage}
                onAction={(action) => setActing({ referral, action })}
              />
            ))}
          </Stack>
        ) : null}
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
