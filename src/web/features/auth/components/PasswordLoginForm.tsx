import { Button, Stack, TextInput } from '@mantine/core';
import { SecretInput } from '../../../components/SecretInput';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { login } from '../api';

interface PasswordLoginFormProps {
  onDone: (result: LoginResult) => void;
}

/** First sign-in step: e-mail and password. */
export function PasswordLoginForm({ onDone }: PasswordLoginFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const mutation = useMutation({ mutationFn: login, onSuccess: onDone, onError: () => setPassword('') });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = { email: !email.trim(), password: !password };
    setMissing(next);
    if (!next.email && !next.password) mutation.mutate({ email: email.trim(), password });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={missing.email ? t('fieldErrors.required') : undefined}
          required
          classNames={{ input: 'ltr-text' }}
        />
        <SecretInput
          label={t('auth.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing.password ? t('fieldErrors.required') : undefined}
          required
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
}
