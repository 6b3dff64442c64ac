import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditVerify, ChainVerify } from '../../../../shared/audit.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { verifyAuditChain, writeAuditCheckpoint } from '../api';

function ChainVerdict({
  chain,
  intact,
  broken,
}: {
  chain: ChainVerify;
  intact: 'audit.intact' | 'audit.accessIntact';
  broken: 'audit.broken' | 'audit.accessBroken';
}) {
  const { t } = useTranslation();
  return chain.problem === null ? (
    <Alert color="green" variant="filled" role="status">
      {t(intact, { n: chain.checked })}
    </Alert>
  ) : (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={
        chain.firstBrokenSeq === null && chain.firstBrokenId !== null
          ? t('audit.brokenWaiting', { id: chain.firstBrokenId })
          : t(broken, { seq: chain.firstBrokenSeq ?? '?' })
      }
    >
      {t(`audit.problems.${chain.problem}`)}
    </Alert>
  );
}

/**
 * Recomputes both keyed chains on the server against the last signed checkpoint, and shows a plain intact /
 * broken verdict for each; on request also writes a new checkpoint and shows it to keep elsewhere.
 */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const checkpoint = useMutation({ mutationFn: writeAuditCheckpoint });
  const result: AuditVerify | undefined = checkpoint.data ?? verify.data;
  const busy = verify.isPending || checkpoint.isPending;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          variant="light"
          onClick={() => {
            checkpoint.reset();
            verify.mutate();
          }}
          loading={verify.isPending}
          disabled={busy}
        >
          {t('audit.verify')}
        </Button>
        <Button
          variant="default"
          onClick={() => {
            verify.reset();
            checkpoint.mutate();
          }}
          loading={checkpoint.isPending}
          disabled={busy}
        >
          {t('audit.checkpoint')}
        </Button>
      </Group>
      <div aria-live="polite">
        {result ? (
          <Stack gap="xs">
            <ChainVerdict chain={result} intact="audit.intact" broken="audit.broken" />
            <ChainVerdict chain={result.accessLog} intact="audit.accessIntact" broken="audit.accessBroken" />
            <Text size="sm">
              {result.checkpoint
                ? t('audit.againstCheckpoint', { at: formatDateTime(result.checkpoint.at, language) })
                : t('audit.noCheckpoint')}
            </Text>
            {result.newCheckpoint ? (
              <>
                <Text size="sm">{t('audit.newCheckpoint')}</Text>
                <Code block className="ltr-text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {JSON.stringify(result.newCheckpoint, null, 2)}
                </Code>
              </>
            ) : null}
          </Stack>
        ) : null}
      </div>
      <ErrorAlert error={verify.error ?? checkpoint.error} />
    </Stack>
  );
}
