import { Box, Button, Center, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { confirmEnrolment, fetchEnrolment } from '../api';
import { TotpCodeInput } from './TotpCodeInput';
import { useTotpCodeForm } from './useTotpCodeForm';

interface EnrolStepProps {
  onDone: (session: SessionInfo) => void;
}

/** Mandatory TOTP enrolment: QR code, the key for typing in, and a first code to prove it works. */
export function EnrolStep({ onDone }: EnrolStepProps) {
  const { t } = useTranslation();
  // Never refetch: the secret must stay the one the user is scanning.
  const enrolment = useQuery({
    queryKey: ['enrolment'],
    queryFn: fetchEnrolment,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const { mutation, submit, codeProps } = useTotpCodeForm(confirmEnrolment, onDone);

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('enrol.title')}
      </Title>
      <Text size="sm">{t('enrol.intro')}</Text>
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>{t('enrol.step1')}</List.Item>
        <List.Item>{t('enrol.step2')}</List.Item>
        <List.Item>{t('enrol.step3')}</List.Item>
      </List>
      {enrolment.isPending ? <Loading /> : null}
      <ErrorAlert error={enrolment.error} />
      {enrolment.data ? (
        <>
          <Center>
            <Box bg="white" p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)' }}>
              <Image
                src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.data.qrSvg)}`}
                alt={t('enrol.qrAlt')}
                w={200}
                h={200}
              />
            </Box>
          </Center>
          <TextInput
            label={t('enrol.manualKey')}
            value={enrolment.data.manualKey}
            readOnly
            data-testid="manual-key"
            classNames={{ input: 'manual-key' }}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={mutation.error} />
          <TotpCodeInput {...codeProps} />
          <Button type="submit" loading={mutation.isPending} disabled={!enrolment.data}>
            {t('enrol.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
