import { useTranslation } from 'react-i18next';
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  RetentionSettingsSchema,
  type RetentionSettings,
} from '../../../../shared/retention.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { RETENTION_SETTINGS_KEY, updateRetentionSettings } from '../api';
import { SettingsCard, WholeNumberInput, useSettingsSave } from '../../../components/SettingsCard';

/** How long withdrawn peer members' notes and unanswered callback requests are kept before a job erases them. */
export function RetentionSettingsForm({ settings }: { settings: RetentionSettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateRetentionSettings, RETENTION_SETTINGS_KEY);
  const range = { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS };
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      peerNotesDays: settings.peerNotesDays,
      callbackDays: settings.callbackDays,
    },
    schema: RetentionSettingsSchema,
    toInput: (values) => ({
      peerNotesDays: Number(values.peerNotesDays),
      callbackDays: Number(values.callbackDays),
    }),
    fieldMessages: {
      peerNotesDays: t('retentionSettings.invalidDays', range),
      callbackDays: t('retentionSettings.invalidDays', range),
    },
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <SettingsCard
      label={t('retentionSettings.title')}
      save={save}
      savedTitle={t('retentionSettings.saved')}
      onSubmit={submit}
    >
      <WholeNumberInput
        label={t('retentionSettings.peerNotesDays')}
        description={t('retentionSettings.peerNotesDaysHint')}
        {...form.getInputProps('peerNotesDays')}
        {...range}
      />
      <WholeNumberInput
        label={t('retentionSettings.callbackDays')}
        description={t('retentionSettings.callbackDaysHint')}
        {...form.getInputProps('callbackDays')}
        {...range}
      />
    </SettingsCard>
  );
}
