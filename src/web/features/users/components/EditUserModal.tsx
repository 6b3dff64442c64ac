import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserUpdateSchema } from '../../../../shared/users.schema';
import type { User } from '../../../../shared/users.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RoleSelect } from '../../../components/RoleSelect';
import { useUserMutations } from '../hooks/useUsers';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';

/** Change a colleague's name or role. Mounted per user, so the form starts from their data. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { update } = useUserMutations();
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: { displayName: user.displayName, role: user.role },
    schema: UserUpdateSchema,
  });
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);

  const submit = onSubmit((data) =>
    update.mutate({ id: user.id, ...data }, { onSuccess: onClose, onError: showServerErrors }),
  );

  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={t('users.editTitle', { name: user.displayName })}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('users.displayName')}
            {...form.getInputProps('displayName')}
            required
            data-autofocus
          />
          <RoleSelect {...form.getInputProps('role')} value={form.getValues().role} />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
