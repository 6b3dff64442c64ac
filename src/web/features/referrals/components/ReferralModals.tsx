import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCLOSURE_CHANNELS } from '../../../../shared/referrals.schema';
import type { DisclosureChannel, Referral } from '../../../../shared/referrals.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isolatedValues } from '../../../components/isolate';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { SummaryView } from '../../consent/components/SummaryView';
import { useReferralMutations, useReferralPreview } from '../hooks';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

export type ReferralAction =
  { kind: 'send' } | { kind: 'respond'; outcome: 'accepted' | 'declined' | 'completed' } | { kind: 'cancel' };

interface ReferralActionModalProps {
  caseId: string;
  referral: Referral;
  action: ReferralAction;
  onClose: () => void;
}

/** Sending (how), recording the partner's answer (with a note) or cancelling (why) one referral. */
export function ReferralActionModal({ caseId, referral, action, onClose }: ReferralActionModalProps) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const mutations = useReferralMutations(caseId);
  const [channel, setChannel] = useState<DisclosureChannel>('secure_email');
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const name = referral.partner.name;
  // Before sending, exactly what would leave the organisation, checked by the server like the send itself.
  const preview = useReferralPreview(caseId, referral.id, currentLanguage(), action.kind === 'send');

  const mutation =
    action.kind === 'send'
      ? mutations.send
      : action.kind === 'respond'
        ? mutations.respond
        : mutations.cancel;

  function confirm() {
    if (action.kind === 'send') {
      mutations.send.mutate({ referralId: referral.id, channel }, { onSuccess: onClose });
    } else if (action.kind === 'respond') {
      mutations.respond.mutate(
        { referralId: referral.id, outcome: action.outcome, note: text.trim() },
        { onSuccess: onClose },
      );
    } else {
      const reason = text.trim();
      setTooShort(reason.length < 3);
      if (reason.length < 3) return;
      mutations.cancel.mutate({ referralId: referral.id, reason }, { onSuccess: onClose });
    }
  }

  const title =
    action.kind === 'send'
      ? t('referrals.sendTitle', { name })
      : action.kind === 'respond'
        ? t(`referrals.respondTitle.${action.outcome}`, { name })
        : t('referrals.cancelTitle', { name });

  return (
    <Modal opened onClose={onClose} title={title} centered size={action.kind === 'send' ? 'lg' : 'md'}>
      <Stack>
        {action.kind === 'send' ? (
          <>
            <Text size="sm">{t('referrals.sendBody')}</Text>
            <Text size="sm" fw={600}>
              {isolatedValues((slots) => t('handoff.previewIntro', slots), { name })}
            </Text>
            {preview.isPending ? <Loading /> : null}
            <ErrorAlert error={preview.error} />
            {preview.data ? <SummaryView summary={preview.data} /> : null}
            <NativeSelect
              label={t('referrals.channel')}
              value={channel}
              onChange={(event) => setChannel(event.currentTarget.value as DisclosureChannel)}
              data={DISCLOSURE_CHANNELS.map((value) => ({ value, label: t(`disclosureChannels.${value}`) }))}
            />
          </>
        ) : (
          <>
            {action.kind === 'cancel' ? <Text size="sm">{t('referrals.cancelBody')}</Text> : null}
            <Textarea
              label={action.kind === 'cancel' ? t('referrals.cancelReason') : t('referrals.respondNote')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              withAsterisk={action.kind === 'cancel'}
              error={tooShort ? t('referrals.reasonTooShort') : undefined}
              dir="auto"
            />
          </>
        )}
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action.kind === 'cancel' ? 'red' : undefined}
            loading={mutation.isPending}
            disabled={action.kind === 'send' && !preview.data}
            onClick={confirm}
          >
            {action.kind === 'send'
              ? t('referrals.sendConfirm')
              : action.kind === 'respond'
                ? t('referrals.respondConfirm')
                : t('referrals.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
