import { Badge, Button, Menu, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/users.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';

export type RowAction = 'edit' | 'deactivate' | 'reactivate' | 'reset-mfa' | 'reinvite';

interface UsersTableProps {
  users: User[];
  currentUserId: string;
  onAction: (user: User, action: RowAction) => void;
}

const STATUS_COLORS = { invited: 'blue', active: 'teal', deactivated: 'gray' } as const;

/** All colleagues of the organisation with their state and per-row actions. */
export function UsersTable({ users, currentUserId, onAction }: UsersTableProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.role')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('users.mfa')}</Table.Th>
            <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={500}>
                {user.displayName}
              </Table.Th>
              <Table.Td className="ltr-text">{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge
                  color={STATUS_COLORS[user.status]}
                  variant="light"
                  tt="none"
                  styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                >
                  {t(`status.${user.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{user.mfaEnrolled ? t('users.mfaYes') : t('users.mfaNo')}</Table.Td>
              <Table.Td>{formatDateTime(user.lastSignInAt, language, t('users.never'))}</Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={t('users.actionsFor', { name: user.displayName })}
                    >
                      {t('common.actions')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => onAction(user, 'edit')}>{t('users.edit')}</Menu.Item>
                    {user.status === 'invited' ? (
                      <Menu.Item onClick={() => onAction(user, 'reinvite')}>{t('users.newInvite')}</Menu.Item>
                    ) : null}
                    {user.status === 'active' && user.mfaEnrolled ? (
                      <Menu.Item onClick={() => onAction(user, 'reset-mfa')}>{t('users.resetMfa')}</Menu.Item>
                    ) : null}
                    {user.status === 'deactivated' ? (
                      <Menu.Item onClick={() => onAction(user, 'reactivate')}>
                        {t('users.reactivate')}
                      </Menu.Item>
                    ) : user.id !== currentUserId ? (
                      <Menu.Item color="red" onClick={() => onAction(user, 'deactivate')}>
                        {t('users.deactivate')}
                      </Menu.Item>
                    ) : null}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
