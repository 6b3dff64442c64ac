import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { CasePeerLinkCreateSchema } from '../../../../shared/peers.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { useDiscardGuard } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { Section } from '../../cases/components/Section';
import { useCasePeerLink, useRequestCasePeerLink } from '../hooks';

/**
 * Intervention I4 from the case: ask the peer network's organiser to link the caller to a peer parent. Only
 * with the caller's written consent for peer support; the case shows whether a link was made, never with whom.
 */
export function CasePeerLinkSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const link = useCasePeerLink(detail.id);
  const [asking, setAsking] = useState(false);
  const data = link.data;
  return (
    <Section
      id="peer-link"
      title={t('peers.case.title')}
      actions={
        data?.canRequest && !asking ? (
          <Button size="xs" variant="default" onClick={() => setAsking(true)}>
            {t('peers.case.request')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <ErrorAlert error={link.error} />
        {data ? (
          <Text size="sm" role="status">
            {data.status === 'none'
              ? t('peers.case.none')
              : t(`peers.case.status.${data.status}`, {
                  date: formatDateTime(data.decidedAt ?? data.requestedAt, language),
                })}
          </Text>
        ) : null}
        {data && !data.consentCovered && data.status !== 'linked' ? (
          <Alert color="yellow" variant="light" title={t('peers.case.consentNeededTitle')}>
            {t('peers.case.consentNeeded')}
          </Alert>
        ) : null}
        {asking ? <RequestForm caseId={detail.id} onDone={() => setAsking(false)} /> : null}
      </Stack>
    </Section>
  );
}

function RequestForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const request = useRequestCasePeerLink(caseId);
  const [requestId] = useState(() => crypto.randomUUID());
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: { handover: '', language: '' },
    schema: CasePeerLinkCreateSchema,
    toInput: (values) => ({ requestId, handover: values.handover, language: values.language || undefined }),
  });
  const guard = useDiscardGuard(dirty, onDone);

  const submit = onSubmit((data) =>
    request.mutate({ caseId, ...data }, { onSuccess: onDone, onError: showServerErrors }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('peers.case.request')}>
      <Stack gap="sm">
        {guard.prompt}
        <ErrorAlert error={request.error} />
        <Textarea
          label={t('peers.case.handover')}
          description={t('peers.case.handoverHint')}
          {...form.getInputProps('handover')}
          maxLength={1000}
          autosize
          minRows={2}
          required
          data-autofocus
        />
        <NativeSelect
          label={t('peers.case.language')}
          {...form.getInputProps('language')}
          required
          data={[
            { value: '', label: t('peers.choose') },
            ...CONVERSATION_LANGUAGES.map((code) => ({
              value: code,
              label: t(`conversationLanguages.${code}`),
            })),
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.requestClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={request.isPending}>
            {t('peers.case.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
