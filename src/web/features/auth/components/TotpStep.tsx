import { Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { verifyMfa } from '../api';
import { TotpCodeInput } from './TotpCodeInput';

interface TotpStepProps {
  onDone: (session: SessionInfo) => void;
  onCancel: () => void;
}

/** Second sign-in step: the code from the authenticator app. */
export function TotpStep({ onDone, onCancel }: TotpStepProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const mutation = useMutation({ mutationFn: verifyMfa, onSuccess: onDone, onError: () => setCode('') });

  function submit(event: FormEvent) {
    event.preventDefault();
    const ok = /^\d{6}$/.test(code);
    setInvalid(!ok);
    if (ok) mutation.mutate(code);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('auth.totpTitle')}
        </Title>
        <Text size="sm">{t('auth.totpIntro')}</Text>
        <ErrorAlert error={mutation.error} />
        <TotpCodeInput
          value={code}
          onChange={setCode}
          error={invalid ? t('fieldErrors.six_digits') : undefined}
        />
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
