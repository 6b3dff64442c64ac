import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { verifyMfa } from '../api';
import { TotpCodeInput } from './TotpCodeInput';
import { useTotpCodeForm } from './useTotpCodeForm';

interface TotpStepProps {
  onDone: (session: SessionInfo) => void;
  onCancel: () => void;
}

/** Second sign-in step: the code from the authenticator app. */
export function TotpStep({ onDone, onCancel }: TotpStepProps) {
  const { t } = useTranslation();
  const { mutation, submit, codeProps } = useTotpCodeForm(verifyMfa, onDone);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('auth.totpTitle')}
        </Title>
        <Text size="sm">{t('auth.totpIntro')}</Text>
        <ErrorAlert error={mutation.error} />
        <TotpCodeInput {...codeProps} />
        <Button type="submit" loading={mutation.isPending}>
          {t('auth.verify')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('auth.startOver')}
        </Button>
      </Stack>
    </form>
  );
}
