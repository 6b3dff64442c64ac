import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentSettingsSchema } from '../../../../shared/work.schema';
import type { OrgSettings } from '../../../../shared/work.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SavedNotice } from '../../../components/SavedNotice';

/** How long a consent runs by default, and how many days verbal consent has to become written. */
export function ConsentSettingsForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
  const [validMonths, setValidMonths] = useState<number | string>(settings.consent.validMonths);
  const [writtenDays, setWrittenDays] = useState<number | string>(settings.consent.writtenDays);
  const [invalid, setInvalid] = useState<string[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ConsentSettingsSchema.safeParse({
      validMonths: Number(validMonths),
      writtenDays: Number(writtenDays),
    });
    setInvalid(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
    if (parsed.success) save.mutate({ consent: parsed.data });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('consentSettings.title')}>
      <Stack maw={560}>
        <ErrorAlert error={save.error} />
        <NumberInput
          label={t('consentSettings.validMonths')}
          description={t('consentSettings.validMonthsHint')}
          value={validMonths}
          onChange={(value) => {
            setValidMonths(value);
            save.reset();
          }}
          min={1}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          error={invalid.includes('validMonths') ? t('consentSettings.invalidMonths') : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <NumberInput
          label={t('consentSettings.writtenDays')}
          description={t('consentSettings.writtenDaysHint')}
          value={writtenDays}
          onChange={(value) => {
            setWrittenDays(value);
            save.reset();
          }}
          min={1}
          max={90}
          allowDecimal={false}
          allowNegative={false}
          error={invalid.includes('writtenDays') ? t('consentSettings.invalidDays') : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <SavedNotice shown={save.isSuccess} title={t('consentSettings.saved')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
