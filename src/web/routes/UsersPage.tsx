import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InviteIssued, User } from '../../shared/users.schema';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSession } from '../features/auth/hooks/useSession';
import { AccountAlerts } from '../features/users/components/AccountAlerts';
import { EditUserModal } from '../features/users/components/EditUserModal';
import { InviteLinkModal } from '../features/users/components/InviteLinkModal';
import { InviteUserModal } from '../features/users/components/InviteUserModal';
import { UsersTable } from '../features/users/components/UsersTable';
import type { RowAction } from '../features/users/components/UsersTable';
import { useUserMutations, useUsers } from '../features/users/hooks/useUsers';

type Confirmable = 'deactivate' | 'reset-mfa';

export default function UsersPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const users = useUsers();
  const { action, reinvite } = useUserMutations();
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<InviteIssued | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [confirming, setConfirming] = useState<{ user: User; action: Confirmable } | null>(null);

  function onAction(user: User, kind: RowAction) {
    action.reset();
    if (kind === 'edit') setEditing(user);
    else if (kind === 'deactivate' || kind === 'reset-mfa') setConfirming({ user, action: kind });
    else if (kind === 'reactivate') action.mutate({ id: user.id, action: 'reactivate' });
    else reinvite.mutate(user.id, { onSuccess: setIssued });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageHeading>{t('titles.users')}</PageHeading>
        <Button onClick={() => setInviting(true)}>{t('users.invite')}</Button>
      </Group>
      <AccountAlerts />
      <ErrorAlert error={users.error} />
      {!confirming ? <ErrorAlert error={action.error ?? reinvite.error} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.data && users.data.items.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')} description={t('users.emptyBody')}>
          <Button mt="md" onClick={() => setInviting(true)}>
            {t('users.invite')}
          </Button>
        </EmptyState>
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <UsersTable users={users.data.items} currentUserId={session?.user.id ?? ''} onAction={onAction} />
      ) : null}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} onIssued={setIssued} />
      <InviteLinkModal issued={issued} onClose={() => setIssued(null)} />
      {editing ? <EditUserModal user={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={confirming !== null}
        danger
        title={
          confirming
            ? t(`users.confirm.${confirming.action}.title`, { name: confirming.user.displayName })
            : ''
        }
        body={
          confirming
            ? t(`users.confirm.${confirming.action}.body`, { name: confirming.user.displayName })
            : ''
        }
        confirmLabel={confirming ? t(`users.confirm.${confirming.action}.confirm`) : ''}
        loading={action.isPending}
        error={action.error}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (!confirming) return;
          action.mutate(
            { id: confirming.user.id, action: confirming.action },
            { onSuccess: () => setConfirming(null) },
          );
        }}
      />
    </Stack>
  );
}
