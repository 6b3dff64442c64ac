import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface TotpCodeInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** Six-digit one-time code field: numeric keyboard on phones, autofill from the OS where offered. */
export function TotpCodeInput({ value, onChange, error }: TotpCodeInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.code')}
      description={t('auth.codeHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      error={error}
      classNames={{ input: 'ltr-text' }}
      data-autofocus
    />
  );
}
