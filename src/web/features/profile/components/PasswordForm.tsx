import { Alert, Button, Stack, Title } from '@mantine/core';
import { SecretInput } from '../../../components/SecretInput';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordChangeSchema } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField } from '../../../components/PasswordField';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useSetSession } from '../../auth/hooks/useSession';
import { changePassword } from '../api';

/** Password change; the server revokes every session and issues a fresh one (new CSRF token). */
export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { currentPassword: '', newPassword: '' },
    schema: PasswordChangeSchema,
  });
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: (next) => {
      setSession(next);
      form.reset();
    },
    onError: showServerErrors,
  });
  const submit = onSubmit((data) => mutation.mutate(data));

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
          {...form.getInputProps('currentPassword')}
          required
        />
        <PasswordField
          label={t('profile.newPassword')}
          {...form.getInputProps('newPassword')}
          value={form.getValues().newPassword}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('profile.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
