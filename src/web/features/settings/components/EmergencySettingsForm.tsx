import { Button, Checkbox, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmergencySettingsSchema } from '../../../../shared/four-eyes.schema';
import type { EmergencySettings } from '../../../../shared/four-eyes.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { EMERGENCY_SETTINGS_KEY, updateEmergencySettings } from '../api';
import { SavedNotice } from '../../../components/SavedNotice';

/** How long an account holds its role before the emergency path opens to it, and whether serious crime is a ground. */
export function EmergencySettingsForm({ settings }: { settings: EmergencySettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateEmergencySettings,
    onSuccess: (saved) => client.setQueryData(EMERGENCY_SETTINGS_KEY, saved),
  });
  const [minAccountDays, setMinAccountDays] = useState<number | string>(settings.minAccountDays);
  const [seriousCrimeAllowed, setSeriousCrimeAllowed] = useState(settings.seriousCrimeAllowed);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = EmergencySettingsSchema.safeParse({
      minAccountDays: Number(minAccountDays),
      seriousCrimeAllowed,
    });
    setInvalid(!parsed.success);
    if (parsed.success) save.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('emergencySettings.title')}>
      <Stack maw={560}>
        <ErrorAlert error={save.error} />
        <NumberInput
          label={t('emergencySettings.minAccountDays')}
          description={t('emergencySettings.minAccountDaysHint')}
          value={minAccountDays}
          onChange={(value) => {
            setMinAccountDays(value);
            save.reset();
          }}
          min={1}
          max={90}
          allowDecimal={false}
          allowNegative={false}
          error={invalid ? t('emergencySettings.invalidDays') : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <Checkbox
          label={t('emergencySettings.seriousCrime')}
          description={t('emergencySettings.seriousCrimeHint')}
          checked={seriousCrimeAllowed}
          onChange={(event) => {
            setSeriousCrimeAllowed(event.currentTarget.checked);
            save.reset();
          }}
        />
        <SavedNotice shown={save.isSuccess} title={t('emergencySettings.saved')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
