import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupSchema } from '../../../../shared/auth.schema';
import type { LoginResult, Setup } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { PasswordField } from '../../../components/PasswordField';
import { currentLanguage, setLanguage } from '../../../i18n';
import { runSetup } from '../api';

/** Step 1 of the first-run wizard: the organisation and its first administrator. */
export function SetupForm({ onDone }: { onDone: (result: LoginResult) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Omit<Setup, 'language'>>({
    organisationName: '',
    adminName: '',
    email: '',
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: runSetup,
    onSuccess: onDone,
    onError: (error) => setErrors(apiFieldErrors(error)),
  });
  const set = <K extends keyof Setup>(key: K, value: Setup[K]) =>
    setValues((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    // The administrator's language is the UI language chosen here or in the header.
    const parsed = SetupSchema.safeParse({ ...values, language: currentLanguage() });
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
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('setup.organisationName')}
          description={t('setup.organisationHint')}
          value={values.organisationName}
          onChange={(event) => set('organisationName', event.currentTarget.value)}
          error={fieldErrorText(t, errors.organisationName)}
          autoComplete="organization"
          required
        />
        <TextInput
          label={t('setup.adminName')}
          value={values.adminName}
          onChange={(event) => set('adminName', event.currentTarget.value)}
          error={fieldErrorText(t, errors.adminName)}
          autoComplete="name"
          required
        />
        <TextInput
          label={t('setup.email')}
          type="email"
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={fieldErrorText(t, errors.email)}
          autoComplete="username"
          classNames={{ input: 'ltr-text' }}
          required
        />
        <PasswordField
          label={t('setup.password')}
          value={values.password}
          onChange={(value) => set('password', value)}
          error={fieldErrorText(t, errors.password)}
        />
        <LanguageSelect
          label={t('setup.language')}
          value={currentLanguage()}
          onChange={(language) => void setLanguage(language)}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
