import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmergencySettingsSchema } from '../../../../shared/four-eyes.schema';
import type { EmergencySettings } from '../../../../shared/four-eyes.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { EMERGENCY_SETTINGS_KEY, updateEmergencySettings } from '../api';
import { SettingsCard, WholeNumberInput, useSettingsSave } from '../../../components/SettingsCard';

/** How long an account holds its role before the emergency path opens to it, and whether serious crime is a ground. */
export function EmergencySettingsForm({ settings }: { settings: EmergencySettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateEmergencySettings, EMERGENCY_SETTINGS_KEY);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      minAccountDays: settings.minAccountDays,
      seriousCrimeAllowed: settings.seriousCrimeAllowed,
    },
    schema: EmergencySettingsSchema,
    toInput: (values) => ({ ...values, minAccountDays: Number(values.minAccountDays) }),
    fieldMessages: { minAccountDays: t('emergencySettings.invalidDays') },
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <SettingsCard
      label={t('emergencySettings.title')}
      save={save}
      savedTitle={t('emergencySettings.saved')}
      onSubmit={submit}
    >
      <WholeNumberInput
        label={t('emergencySettings.minAccountDays')}
        description={t('emergencySettings.minAccountDaysHint')}
        {...form.getInputProps('minAccountDays')}
        min={1}
        max={90}
      />
      <Checkbox
        label={t('emergencySettings.seriousCrime')}
        description={t('emergencySettings.seriousCrimeHint')}
        {...form.getInputProps('seriousCrimeAllowed', { type: 'checkbox' })}
      />
    </SettingsCard>
  );
}
