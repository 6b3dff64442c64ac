import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserInviteSchema } from '../../../../shared/users.schema';
import type { InviteIssued, UserInvite } from '../../../../shared/users.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { RoleSelect } from '../../../components/RoleSelect';
import { currentLanguage } from '../../../i18n';
import { useUserMutations } from '../hooks/useUsers';
import { useDiscardGuard } from '../../../components/useDiscardGuard';

interface InviteUserModalProps {
  opened: boolean;
  onClose: () => void;
  onIssued: (issued: InviteIssued) => void;
}

const empty = (): UserInvite => ({
  email: '',
  displayName: '',
  role: 'counsellor',
  language: currentLanguage(),
});

/** Form for a new colleague; the server answers with a one-time invitation link. */
export function InviteUserModal({ opened, onClose, onIssued }: InviteUserModalProps) {
  const { t } = useTranslation();
  const { invite } = useUserMutations();
  const [values, setValues] = useState<UserInvite>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof UserInvite>(key: K, value: UserInvite[K]) =>
    setValues((old) => ({ ...old, [key]: value }));

  function close() {
    setValues(empty());
    setErrors({});
    invite.reset();
    onClose();
  }
  const initial = empty();
  const guard = useDiscardGuard(
    values.displayName !== initial.displayName ||
      values.email !== initial.email ||
      values.role !== initial.role,
    close,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = UserInviteSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    invite.mutate(parsed.data, {
      onSuccess: (issued) => {
        close();
        onIssued(issued);
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  }

  return (
    <Modal opened={opened} onClose={guard.requestClose} title={t('users.inviteTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={invite.error} />
          <TextInput
            label={t('users.displayName')}
            value={values.displayName}
            onChange={(event) => set('displayName', event.currentTarget.value)}
            error={fieldErrorText(t, errors.displayName)}
            required
            data-autofocus
          />
          <TextInput
            label={t('users.email')}
            type="email"
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={fieldErrorText(t, errors.email)}
            classNames={{ input: 'ltr-text' }}
            required
          />
          <RoleSelect
            value={values.role}
            onChange={(role) => set('role', role)}
            error={fieldErrorText(t, errors.role)}
          />
          <LanguageSelect
            label={t('users.language')}
            value={values.language}
            onChange={(language) => set('language', language)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.sendInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
