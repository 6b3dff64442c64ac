import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
}

/** A translated, announced error message for a failed request (by problem `code`). */
export function ErrorAlert({ error }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'internal';
  const retry = isApiError(error) ? error.retryAfterSeconds : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t(`errors.${code}`, { defaultValue: t('errors.internal') })}
    >
      {retry !== undefined ? t('errors.retryAfter', { seconds: retry }) : null}
    </Alert>
  );
}
