import { Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MfaVerifySchema } from '../../../../shared/auth.schema';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { verifyMfa } from '../api';
import { TotpCodeInput } from './TotpCodeInput';

interface TotpStepProps {
  onDone: (session: SessionInfo) => void;
  onCancel: () => void;
}

/** Second sign-in step: the code from the authenticator app. */
export function TotpStep({ onDone, onCancel }: TotpStepProps) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { code: '' },
    schema: MfaVerifySchema,
    // Empty or short, the answer is the same: the six digits from the app.
    fieldMessages: { code: t('fieldErrors.six_digits') },
  });
  const mutation = useMutation({
    mutationFn: verifyMfa,
    onSuccess: onDone,
    onError: (error) => {
      form.setFieldValue('code', '');
      showServerErrors(error);
    },
  });

  const submit = onSubmit(({ code }) => mutation.mutate(code));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3">
          {t('auth.totpTitle')}
        </Title>
        <Text size="sm">{t('auth.totpIntro')}</Text>
        <ErrorAlert error={mutation.error} />
        <TotpCodeInput {...form.getInputProps('code')} value={form.getValues().code} />
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
