import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UserUpdateSchema } from '../../../../shared/users.schema';
import type { User } from '../../../../shared/users.schema';
import type { Role } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { RoleSelect } from '../../../components/RoleSelect';
import { useUserMutations } from '../hooks/useUsers';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

/** Change a colleague's name or role. Mounted per user, so the form starts from their data. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { update } = useUserMutations();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [errors, setErrors] = useState<FieldErrors>({});
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(displayName !== user.displayName || role !== user.role, onClose);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = UserUpdateSchema.safeParse({ displayName, role });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    update.mutate(
      { id: user.id, ...parsed.data },
      { onSuccess: onClose, onError: (error) => setErrors(apiFieldErrors(error)) },
    );
  }

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
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={fieldErrorText(t, errors.displayName)}
            required
            data-autofocus
          />
          <RoleSelect value={role} onChange={setRole} error={fieldErrorText(t, errors.role)} />
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
