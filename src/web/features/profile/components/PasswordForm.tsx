import { Alert, Button, Stack, Title } from '@mantine/core';
import { SecretInput } from '../../../components/SecretInput';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeSchema } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { PasswordField } from '../../../components/PasswordField';
import { useSetSession } from '../../auth/hooks/useSession';
import { changePassword } from '../api';

/** Password change; the server revokes every session and issues a fresh one (new CSRF token). */
export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: (next) => {
      setSession(next);
      setCurrent('');
      setNew('');
    },
    onError: (error) => setErrors(apiFieldErrors(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PasswordChangeSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          {t('profile.passwordTitle')}
        </Title>
        {mutation.isSuccess ? (
          <Alert color="teal" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        ) : null}
        <ErrorAlert error={mutation.error} />
        <input type="email" value={email} autoComplete="username" readOnly hidden />
        <SecretInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={fieldErrorText(t, errors.currentPassword)}
          required
        />
        <PasswordField
          label={t('profile.newPassword')}
          value={newPassword}
          onChange={setNew}
          error={fieldErrorText(t, errors.newPassword)}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('profile.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
