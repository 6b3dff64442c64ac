import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { verifyAuditChain } from '../api';

/** Recomputes the hash chain on the server and shows a plain intact / broken verdict. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const result = verify.data;
  return (
    <Stack gap="xs">
      <Button
        variant="light"
        onClick={() => verify.mutate()}
        loading={verify.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite">
        {result?.ok ? (
          <Alert color="green" variant="filled" role="status">
            {t('audit.intact', { n: result.checked })}
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert
            color="red"
            variant="filled"
            role="alert"
            title={t('audit.broken', { seq: result.firstBrokenSeq ?? '?' })}
          >
            {result.problem ? t(`audit.problems.${result.problem}`) : null}
          </Alert>
        ) : null}
      </div>
      <ErrorAlert error={verify.error} />
    </Stack>
  );
}
