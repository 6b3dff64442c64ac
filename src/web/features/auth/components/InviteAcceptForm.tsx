import { Button, Stack, Table } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { InviteAcceptSchema } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { PasswordField } from '../../../components/PasswordField';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage, setLanguage } from '../../../i18n';
import { acceptInvite } from '../api';
import type { InviteInfo } from '../api';

interface InviteAcceptFormProps {
  token: string;
  invite: InviteInfo;
  onDone: () => void;
}

/** Shows what the invitation is for and lets the invitee choose a password. */
export function InviteAcceptForm({ token, invite, onDone }: InviteAcceptFormProps) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { password: '' },
    schema: InviteAcceptSchema,
    toInput: (values) => ({ token, password: values.password, language: currentLanguage() }),
  });
  const mutation = useMutation({ mutationFn: acceptInvite, onSuccess: onDone, onError: showServerErrors });
  const submit = onSubmit((data) => mutation.mutate(data));

  return (
    <Stack>
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="40%">{t('invite.organisation')}</Table.Th>
            <Table.Td>{invite.organisationName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('invite.name')}</Table.Th>
            <Table.Td>{invite.displayName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('invite.email')}</Table.Th>
            <Table.Td className="ltr-text" style={{ overflowWrap: 'anywhere' }}>
              {invite.email}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('invite.role')}</Table.Th>
            <Table.Td>{t(`roles.${invite.role}`)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <input type="email" value={invite.email} autoComplete="username" readOnly hidden />
          <PasswordField
            label={t('invite.password')}
            {...form.getInputProps('password')}
            value={form.getValues().password}
          />
          <LanguageSelect
            label={t('invite.language')}
            value={currentLanguage()}
            onChange={(next) => void setLanguage(next)}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
