import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileUpdateSchema } from '../../../../shared/auth.schema';
import type { SessionInfo } from '../../../../shared/auth.schema';
import type { UiLanguage } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { useSetSession } from '../../auth/hooks/useSession';
import { updateMe } from '../api';

/** Display name and UI language, saved on the server. */
export function ProfileForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [displayName, setDisplayName] = useState(session.user.displayName);
  const [language, setLang] = useState<UiLanguage>(session.user.language);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: updateMe,
    onSuccess: (next) => setSession(next),
    onError: (error) => setErrors(apiFieldErrors(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ProfileUpdateSchema.safeParse({ displayName, language });
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
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={fieldErrorText(t, errors.displayName)}
          autoComplete="name"
          required
        />
        <LanguageSelect label={t('profile.language')} value={language} onChange={setLang} />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
