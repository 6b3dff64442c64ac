import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import { COUNSELLOR_GENDERS } from '../../../../shared/counsellors.schema';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';

/** The caller's stated preferences as a form holds them: '' for "no preference". */
export interface PreferenceValues {
  counsellorGender: string;
  backgroundId: string;
  language: string;
}

export const NO_PREFERENCE_VALUES: PreferenceValues = {
  counsellorGender: '',
  backgroundId: '',
  language: '',
};

export function toPreferences(values: PreferenceValues) {
  return {
    counsellorGender: (values.counsellorGender || null) as 'female' | 'male' | 'other' | null,
    backgroundId: values.backgroundId || null,
    language: (values.language || null) as (typeof CONVERSATION_LANGUAGES)[number] | null,
  };
}

export function fromPreferences(preferences: {
  counsellorGender: string | null;
  backgroundId: string | null;
  language: string | null;
}): PreferenceValues {
  return {
    counsellorGender: preferences.counsellorGender ?? '',
    backgroundId: preferences.backgroundId ?? '',
    language: preferences.language ?? '',
  };
}

interface PreferencesFieldsProps {
  values: PreferenceValues;
  onChange: (values: PreferenceValues) => void;
  disabled?: boolean;
}

/** Three optional pickers; "no preference" is the default of each. Never required. */
export function PreferencesFields({ values, onChange, disabled }: PreferencesFieldsProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const none = { value: '', label: t('preferences.none') };
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NativeSelect
        label={t('preferences.gender')}
        value={values.counsellorGender}
        disabled={disabled}
        onChange={(event) => onChange({ ...values, counsellorGender: event.currentTarget.value })}
        data={[none, ...COUNSELLOR_GENDERS.map((g) => ({ value: g, label: t(`counsellors.genders.${g}`) }))]}
      />
      <NativeSelect
        label={t('preferences.background')}
        value={values.backgroundId}
        disabled={disabled}
        onChange={(event) => onChange({ ...values, backgroundId: event.currentTarget.value })}
        data={[none, ...taxonomy.options('background', values.backgroundId || null)]}
      />
      <NativeSelect
        label={t('preferences.language')}
        value={values.language}
        disabled={disabled}
        onChange={(event) => onChange({ ...values, language: event.currentTarget.value })}
        data={[
          none,
          ...CONVERSATION_LANGUAGES.map((code) => ({
            value: code,
            label: t(`conversationLanguages.${code}`),
          })),
        ]}
      />
    </SimpleGrid>
  );
}
