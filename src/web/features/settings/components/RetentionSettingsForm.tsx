import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  RetentionSettingsSchema,
  type RetentionSettings,
} from '../../../../shared/retention.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SavedNotice } from '../../../components/SavedNotice';
import { RETENTION_SETTINGS_KEY, updateRetentionSettings } from '../api';

/** How long withdrawn peer members' notes and unanswered callback requests are kept before a job erases them. */
export function RetentionSettingsForm({ settings }: { settings: RetentionSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateRetentionSettings,
    onSuccess: (saved) => client.setQueryData(RETENTION_SETTINGS_KEY, saved),
  });
  const [peerNotesDays, setPeerNotesDays] = useState<number | string>(settings.peerNotesDays);
  const [callbackDays, setCallbackDays] = useState<number | string>(settings.callbackDays);
  const [invalid, setInvalid] = useState<{ peerNotesDays?: boolean; callbackDays?: boolean }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = RetentionSettingsSchema.safeParse({
      peerNotesDays: Number(peerNotesDays),
      callbackDays: Number(callbackDays),
    });
    const fields = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
    setInvalid({ peerNotesDays: fields.has('peerNotesDays'), callbackDays: fields.has('callbackDays') });
    if (parsed.success) save.mutate(parsed.data);
  }

  const range = { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS };
  return (
    <form onSubmit={submit} noValidate aria-label={t('retentionSettings.title')}>
      <Stack maw={560}>
        <ErrorAlert error={save.error} />
        <NumberInput
          label={t('retentionSettings.peerNotesDays')}
          description={t('retentionSettings.peerNotesDaysHint')}
          value={peerNotesDays}
          onChange={(value) => {
            setPeerNotesDays(value);
            save.reset();
          }}
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          error={invalid.peerNotesDays ? t('retentionSettings.invalidDays', range) : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <NumberInput
          label={t('retentionSettings.callbackDays')}
          description={t('retentionSettings.callbackDaysHint')}
          value={callbackDays}
          onChange={(value) => {
            setCallbackDays(value);
            save.reset();
          }}
          min={RETENTION_MIN_DAYS}
          max={RETENTION_MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          error={invalid.callbackDays ? t('retentionSettings.invalidDays', range) : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <SavedNotice shown={save.isSuccess} title={t('retentionSettings.saved')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
