import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS } from '../../../../shared/cases.schema';
import type { SupportLevel } from '../../../../shared/cases.schema';
import { AftercareScheduleSchema } from '../../../../shared/work.schema';
import type { OrgSettings } from '../../../../shared/work.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SettingsCard, useSettingsSave } from '../../../components/SettingsCard';
import { currentLanguage } from '../../../i18n';
import { daysToText, parseDays } from '../aftercareDays';

/** Days after closure for each aftercare check-in, per support level. */
export function AftercareForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const save = useSettingsSave(updateSettings, SETTINGS_KEY);
  const language = currentLanguage();
  const invalid = t('aftercare.invalid');
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      light: daysToText(settings.aftercareSchedule.light, language),
      moderate: daysToText(settings.aftercareSchedule.moderate, language),
      intensive: daysToText(settings.aftercareSchedule.intensive, language),
    } satisfies Record<SupportLevel, string>,
    schema: AftercareScheduleSchema,
    // A text that is not a list of whole numbers stays text, so the schema rejects that level.
    toInput: (values) =>
      Object.fromEntries(SUPPORT_LEVELS.map((level) => [level, parseDays(values[level]) ?? values[level]])),
    fieldMessages: { light: invalid, moderate: invalid, intensive: invalid },
    onValuesChange: () => save.reset(),
  });
  const submit = onSubmit((aftercareSchedule) =>
    save.mutate({ aftercareSchedule }, { onError: showServerErrors }),
  );

  return (
    <SettingsCard save={save} savedTitle={t('aftercare.saved')} onSubmit={submit}>
      {SUPPORT_LEVELS.map((level) => (
        <TextInput
          key={level}
          label={t(`supportLevels.${level}`)}
          description={t('aftercare.daysHint')}
          {...form.getInputProps(level)}
          classNames={{ input: 'ltr-text' }}
          inputMode="numeric"
        />
      ))}
    </SettingsCard>
  );
}
