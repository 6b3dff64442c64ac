import { SecretInput } from './SecretInput';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../shared/auth.schema';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A new-password field with a live length hint (NIST: length, not composition rules). */
export function PasswordField({ label, value, onChange, error }: PasswordFieldProps) {
  const { t } = useTranslation();
  const long = value.length >= PASSWORD_MIN;
  return (
    <SecretInput
      label={label}
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={
        <span aria-live="polite" style={{ color: long ? 'var(--mantine-color-teal-8)' : undefined }}>
          {long
            ? t('password.longEnough', { min: PASSWORD_MIN })
            : t('password.hint', { min: PASSWORD_MIN, n: value.length })}
        </span>
      }
      error={error}
      required
      minLength={PASSWORD_MIN}
    />
  );
}
