import { Checkbox } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReportSettingsSchema } from '../../../../shared/reports.schema';
import type { ReportSettings } from '../../../../shared/reports.schema';
import { SettingsCard, WholeNumberInput, useSettingsSave } from '../../../components/SettingsCard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { REPORT_SETTINGS_KEY, updateReportSettings } from '../api';

/** The admin's disclosure rules for every report: the threshold and rounding. */
export function ReportSettingsForm({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateReportSettings, REPORT_SETTINGS_KEY);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { threshold: settings.threshold, roundToFive: settings.roundToFive },
    schema: ReportSettingsSchema,
    toInput: (values) => ({ ...values, threshold: Number(values.threshold) }),
    fieldMessages: { threshold: t('reportSettings.invalidThreshold') },
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <SettingsCard
      label={t('reportSettings.title')}
      save={save}
      savedTitle={t('reportSettings.saved')}
      onSubmit={submit}
    >
      <WholeNumberInput
        label={t('reportSettings.threshold')}
        description={t('reportSettings.thresholdHint')}
        {...form.getInputProps('threshold')}
        min={3}
        max={10}
      />
      <Checkbox
        label={t('reportSettings.roundToFive')}
        {...form.getInputProps('roundToFive', { type: 'checkbox' })}
      />
    </SettingsCard>
  );
}
