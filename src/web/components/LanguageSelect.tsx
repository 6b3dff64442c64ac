import { NativeSelect } from '@mantine/core';
import { UI_LANGUAGES } from '../../shared/roles';
import type { UiLanguage } from '../../shared/roles';
import { isUiLanguage, LANGUAGE_NAMES } from '../i18n';

interface LanguageSelectProps {
  label: string;
  value: UiLanguage;
  onChange: (value: UiLanguage) => void;
  description?: string;
}

/** Language field for forms (the header switch is LanguageSwitch). */
export function LanguageSelect({ label, value, onChange, description }: LanguageSelectProps) {
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isUiLanguage(next)) onChange(next);
      }}
      data={UI_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
    />
  );
}
