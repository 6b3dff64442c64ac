import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import type { WithdrawResult } from '../api';
import { useConsentMutations } from '../hooks';
import { recipientLabel } from '../labels';

interface WithdrawDialogProps {
  caseId: string;
  consent: Consent;
  onClose: () => void;
  onWithdrawn: (result: WithdrawResult) => void;
}

/** Withdrawal is immediate: asked for explicitly, with what it does. */
export function WithdrawDialog({ caseId, consent, onClose, onWithdrawn }: WithdrawDialogProps) {
  const { t } = useTranslation();
  const { withdraw } = useConsentMutations(caseId);
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso);
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('consent.withdrawTitle')} centered>
      <Stack>
        <Text size="sm">
          {isolatedValues((slots) => t('consent.withdrawWhat', slots), {
            recipient: recipientLabel(t, consent),
            purpose: t(`consentPurposes.${consent.purpose}.label`),
          })}
        </Text>
        <Text size="sm">{t('consent.withdrawBody')}</Text>
        <TextInput
          label={t('consent.withdrawnOn')}
          type="date"
          value={withdrawnOn}
          max={todayIso()}
          onChange={(event) => setWithdrawnOn(event.currentTarget.value)}
        />
        <Textarea
          label={t('consent.withdrawNote')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          dir="auto"
        />
        <ErrorAlert error={withdraw.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={withdraw.isPending}
            onClick={() =>
              withdraw.mutate(
                { consentId: consent.id, withdrawnOn: withdrawnOn || undefined, note: note.trim() },
                { onSuccess: onWithdrawn },
              )
            }
          >
            {t('consent.withdrawConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
