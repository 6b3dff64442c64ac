import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SetupSchema } from '../../../../shared/auth.schema';
import type { LoginResult } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { PasswordField } from '../../../components/PasswordField';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage, setLanguage } from '../../../i18n';
import { runSetup } from '../api';

/** Step 1 of the first-run wizard: the organisation and its first administrator. */
export function SetupForm({ onDone }: { onDone: (result: LoginResult) => void }) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { organisationName: '', adminName: '', email: '', password: '' },
    schema: SetupSchema,
    // The administrator's language is the UI language chosen here or in the header.
    toInput: (values) => ({ ...values, language: currentLanguage() }),
  });
  const mutation = useMutation({ mutationFn: runSetup, onSuccess: onDone, onError: showServerErrors });
  const submit = onSubmit((data) => mutation.mutate(data));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('setup.organisationName')}
          description={t('setup.organisationHint')}
          {...form.getInputProps('organisationName')}
          autoComplete="organization"
          required
        />
        <TextInput
          label={t('setup.adminName')}
          {...form.getInputProps('adminName')}
          autoComplete="name"
          required
        />
        <TextInput
          label={t('setup.email')}
          type="email"
          {...form.getInputProps('email')}
          autoComplete="username"
          classNames={{ input: 'ltr-text' }}
          required
        />
        <PasswordField
          label={t('setup.password')}
          {...form.getInputProps('password')}
          value={form.getValues().password}
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
