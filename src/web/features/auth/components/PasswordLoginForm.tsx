import { Button, Stack, TextInput } from '@mantine/core';
import { SecretInput } from '../../../components/SecretInput';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoginSchema } from '../../../../shared/auth.schema';
import type { LoginResult } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { login } from '../api';

interface PasswordLoginFormProps {
  onDone: (result: LoginResult) => void;
}

/** First sign-in step: e-mail and password. */
export function PasswordLoginForm({ onDone }: PasswordLoginFormProps) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { email: '', password: '' },
    schema: LoginSchema,
  });
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: onDone,
    onError: (error) => {
      form.setFieldValue('password', '');
      showServerErrors(error);
    },
  });
  const submit = onSubmit((data) => mutation.mutate(data));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          {...form.getInputProps('email')}
          required
          classNames={{ input: 'ltr-text' }}
        />
        <SecretInput
          label={t('auth.password')}
          autoComplete="current-password"
          {...form.getInputProps('password')}
          required
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}
