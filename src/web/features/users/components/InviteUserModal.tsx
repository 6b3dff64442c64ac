import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserInviteSchema } from '../../../../shared/users.schema';
import type { InviteIssued, UserInvite } from '../../../../shared/users.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { RoleSelect } from '../../../components/RoleSelect';
import { currentLanguage } from '../../../i18n';
import { useUserMutations } from '../hooks/useUsers';
import { useDiscardGuard } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';

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
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: empty(),
    schema: UserInviteSchema,
  });

  function close() {
    // The next invitation starts empty again, in the language the app shows then.
    form.setInitialValues(empty());
    form.reset();
    invite.reset();
    onClose();
  }
  const guard = useDiscardGuard(dirty, close);

  const submit = onSubmit((data) =>
    invite.mutate(data, {
      onSuccess: (issued) => {
        close();
        onIssued(issued);
      },
      onError: showServerErrors,
    }),
  );

  return (
    <Modal opened={opened} onClose={guard.requestClose} title={t('users.inviteTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={invite.error} />
          <TextInput
            label={t('users.displayName')}
            {...form.getInputProps('displayName')}
            required
            data-autofocus
          />
          <TextInput
            label={t('users.email')}
            type="email"
            {...form.getInputProps('email')}
            classNames={{ input: 'ltr-text' }}
            required
          />
          <RoleSelect {...form.getInputProps('role')} value={form.getValues().role} />
          <LanguageSelect
            label={t('users.language')}
            {...form.getInputProps('language')}
            value={form.getValues().language}
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
