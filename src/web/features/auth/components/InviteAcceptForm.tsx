import { Button, Stack, Table } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordSchema } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { PasswordField } from '../../../components/PasswordField';
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
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: acceptInvite,
    onSuccess: onDone,
    onError: (error) => setErrors(apiFieldErrors(error)),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PasswordSchema.safeParse(password);
    if (!parsed.success) {
      setErrors({ password: zodFieldErrors(parsed.error)[''] ?? { reason: 'too_small', message: '' } });
      return;
    }
    setErrors({});
    mutation.mutate({ token, password, language: currentLanguage() });
  }

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
            value={password}
            onChange={setPassword}
            error={fieldErrorText(t, errors.password)}
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
