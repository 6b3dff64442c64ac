import { useTranslation } from 'react-i18next';
import { ConsentSettingsSchema } from '../../../../shared/work.schema';
import type { OrgSettings } from '../../../../shared/work.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SettingsCard, WholeNumberInput, useSettingsSave } from '../../../components/SettingsCard';

/** How long a consent runs by default, and how many days verbal consent has to become written. */
export function ConsentSettingsForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateSettings, SETTINGS_KEY);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      validMonths: settings.consent.validMonths,
      writtenDays: settings.consent.writtenDays,
    },
    schema: ConsentSettingsSchema,
    toInput: (values) => ({
      validMonths: Number(values.validMonths),
      writtenDays: Number(values.writtenDays),
    }),
    fieldMessages: {
      validMonths: t('consentSettings.invalidMonths'),
      writtenDays: t('consentSettings.invalidDays'),
    },
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((consent) => save.mutate({ consent }, { onError: showServerErrors }));

  return (
    <SettingsCard
      label={t('consentSettings.title')}
      save={save}
      savedTitle={t('consentSettings.saved')}
      onSubmit={submit}
    >
      <WholeNumberInput
        label={t('consentSettings.validMonths')}
        description={t('consentSettings.validMonthsHint')}
        {...form.getInputProps('validMonths')}
        min={1}
        max={60}
      />
      <WholeNumberInput
        label={t('consentSettings.writtenDays')}
        description={t('consentSettings.writtenDaysHint')}
        {...form.getInputProps('writtenDays')}
        min={1}
        max={90}
      />
    </SettingsCard>
  );
}
