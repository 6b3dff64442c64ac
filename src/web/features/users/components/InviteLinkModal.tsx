import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InviteIssued } from '../../../../shared/users.schema';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { isolatedValues } from '../../../components/isolate';

interface InviteLinkModalProps {
  issued: InviteIssued | null;
  onClose: () => void;
}

/** Shows a fresh invitation link exactly once; only its hash is kept on the server. */
export function InviteLinkModal({ issued, onClose }: InviteLinkModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={issued !== null} onClose={onClose} title={t('users.linkTitle')} centered size="lg">
      {issued ? (
        <Stack>
          <Alert color="yellow" role="alert">
            {isolatedValues((v) => t('users.linkWarning', v), { name: issued.user.displayName })}
          </Alert>
          <TextInput
            label={t('users.link')}
            value={issued.inviteUrl}
            readOnly
            classNames={{ input: 'ltr-text' }}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Text size="sm">
            {isolatedValues((v) => t('users.linkExpires', v), {
              date: formatDateTime(issued.expiresAt, currentLanguage()),
            })}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={issued.inviteUrl}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
