import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../../shared/roles';
import type { UiLanguage } from '../../shared/roles';
import { currentLanguage, isUiLanguage, LANGUAGE_NAMES } from '../i18n';

interface LanguageSwitchProps {
  onChange: (language: UiLanguage) => void;
  disabled?: boolean;
}

/** Compact language picker for the header; every option is named in its own language. */
export function LanguageSwitch({ onChange, disabled }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      w={{ base: 104, sm: 130 }}
      disabled={disabled}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isUiLanguage(value)) onChange(value);
      }}
      data={UI_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
    />
  );
}
