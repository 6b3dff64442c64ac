import { Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { withIsolated } from '../../../components/isolate';
import { DECLINE_REASONS } from '../api';
import type { DeclineReason } from '../api';

interface DeclineModalProps {
  reference: string;
  loading: boolean;
  error: unknown;
  onDecline: (reason: DeclineReason, note: string) => void;
  onClose: () => void;
}

/** Why the counsellor says no; "I know this family" keeps them out of this case's matching. */
export function DeclineModal({ reference, loading, error, onDecline, onClose }: DeclineModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setMissing(true);
    onDecline(reason, note.trim());
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={withIsolated((slot) => t('offers.declineTitle', { reference: slot }), reference)}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <Radio.Group
            label={t('offers.reason')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setMissing(false);
            }}
            error={missing ? t('fieldErrors.required') : undefined}
            required
          >
            <Stack gap="xs" mt={6}>
              {DECLINE_REASONS.map((value, index) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`offers.reasons.${value}`)}
                  data-autofocus={index === 0 ? true : undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('offers.note')}
            description={t('offers.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('offers.decline')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
