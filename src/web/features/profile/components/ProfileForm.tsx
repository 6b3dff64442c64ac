import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProfileUpdateSchema } from '../../../../shared/auth.schema';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useSetSession } from '../../auth/hooks/useSession';
import { updateMe } from '../api';

/** Display name and UI language, saved on the server. */
export function ProfileForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { displayName: session.user.displayName, language: session.user.language },
    schema: ProfileUpdateSchema,
  });
  const mutation = useMutation({
    mutationFn: updateMe,
    onSuccess: (next) => setSession(next),
    onError: showServerErrors,
  });
  const submit = onSubmit((data) => mutation.mutate(data));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h4">
          {t('profile.details')}
        </Title>
        {mutation.isSuccess ? (
          <Alert color="teal" role="status">
            {t('profile.saved')}
          </Alert>
        ) : null}
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t('profile.email')}
          value={session.user.email}
          readOnly
          classNames={{ input: 'ltr-text' }}
        />
        <TextInput
          label={t('profile.displayName')}
          {...form.getInputProps('displayName')}
          autoComplete="name"
          required
        />
        <LanguageSelect
          label={t('profile.language')}
          {...form.getInputProps('language')}
          value={form.getValues().language}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
