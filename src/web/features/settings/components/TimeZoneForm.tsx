import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSettingsUpdateSchema } from '../../../../shared/work.schema';
import type { OrgSettings } from '../../../../shared/work.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SettingsCard, useSettingsSave } from '../../../components/SettingsCard';

/** The zones this browser knows, with the current one kept even if the browser does not list it. */
function zoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...known])].sort();
}

/** The organisation's time zone: which calendar day "today" is for due dates and validity periods. */
export function TimeZoneForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateSettings, SETTINGS_KEY);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { timeZone: settings.timeZone },
    schema: OrgSettingsUpdateSchema,
    onValuesChange: () => save.reset(),
  });
  const options = useMemo(() => zoneOptions(settings.timeZone), [settings.timeZone]);
  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <SettingsCard
      label={t('timeZoneSettings.title')}
      save={save}
      savedTitle={t('timeZoneSettings.saved')}
      onSubmit={submit}
      // An unknown zone is said under the field; the summary would only repeat it.
      hideError={form.errors.timeZone !== undefined}
    >
      <Select
        label={t('timeZoneSettings.label')}
        description={t('timeZoneSettings.hint')}
        data={options}
        {...form.getInputProps('timeZone')}
        onChange={(value: string | null) => {
          if (value) form.setFieldValue('timeZone', value);
        }}
        searchable
        allowDeselect={false}
        classNames={{ input: 'ltr-text' }}
      />
    </SettingsCard>
  );
}
