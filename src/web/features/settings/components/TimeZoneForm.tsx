import { Button, Group, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSettings } from '../../../../shared/work.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SavedNotice } from '../../../components/SavedNotice';

/** The zones this browser knows, with the current one kept even if the browser does not list it. */
function zoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...known])].sort();
}

/** The organisation's time zone: which calendar day "today" is for due dates and validity periods. */
export function TimeZoneForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const options = useMemo(() => zoneOptions(settings.timeZone), [settings.timeZone]);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ timeZone });
  }

  const fieldError = fieldErrorText(t, apiFieldErrors(save.error).timeZone);
  return (
    <form onSubmit={submit} noValidate aria-label={t('timeZoneSettings.title')}>
      <Stack maw={560}>
        {fieldError ? null : <ErrorAlert error={save.error} />}
        <Select
          label={t('timeZoneSettings.label')}
          description={t('timeZoneSettings.hint')}
          data={options}
          value={timeZone}
          onChange={(value) => {
            if (value) setTimeZone(value);
            save.reset();
          }}
          searchable
          allowDeselect={false}
          error={fieldError}
          classNames={{ input: 'ltr-text' }}
        />
        <SavedNotice shown={save.isSuccess} title={t('timeZoneSettings.saved')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
