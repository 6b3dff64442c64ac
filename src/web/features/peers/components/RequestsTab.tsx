import { Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerLinkRequest, PeerMemberSummary } from '../../../../shared/peers.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, formatDay } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useLinkRequests, useMembers, usePeerMutations } from '../hooks';

/** Requests from case workers to link a caller to a peer parent: the hand-over, never the case. */
export function RequestsTab() {
  const { t } = useTranslation();
  const requests = useLinkRequests();
  const members = useMembers();
  const items = requests.data?.items ?? [];
  const linkable = (members.data?.items ?? []).filter((m) => m.canBeLinked);
  return (
    <Stack>
      <Text size="sm">{t('peers.requests.intro')}</Text>
      <ErrorAlert error={requests.error} />
      {requests.isPending ? <Loading /> : null}
      {requests.isSuccess && items.length === 0 ? <EmptyState title={t('peers.requests.empty')} /> : null}
      {items.map((r) => (
        <RequestCard key={r.id} request={r} linkable={linkable} />
      ))}
    </Stack>
  );
}

function RequestCard({ request, linkable }: { request: PeerLinkRequest; linkable: PeerMemberSummary[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const m = usePeerMutations();
  const [memberId, setMemberId] = useState('');
  const [declining, setDeclining] = useState(false);
  const open = request.status === 'requested';
  return (
    <Card
      withBorder
      component="article"
      aria-label={t('peers.requests.cardLabel', { date: formatDateTime(request.requestedAt, language) })}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{formatDateTime(request.requestedAt, language)}</Text>
          <Badge color={open ? 'blue' : request.status === 'linked' ? 'teal' : 'gray'}>
            {t(`peers.linkStatus.${request.status}`)}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.handover}</Text>
        <Text size="sm" c="dimmed">
          {t('peers.requests.meta', {
            language: t(`conversationLanguages.${request.language}`),
            until: formatDay(request.consentValidUntil, language),
          })}
        </Text>
        {request.member ? (
          <Text size="sm">{t('peers.requests.linkedTo', { alias: request.member.alias })}</Text>
        ) : null}
        {open ? (
          <Group align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('peers.requests.member')}
              description={linkable.length ? undefined : t('peers.requests.noLinkable')}
              value={memberId}
              onChange={(e) => setMemberId(e.currentTarget.value)}
              data={[
                { value: '', label: t('peers.choose') },
                ...linkable.map((l) => ({ value: l.id, label: l.alias })),
              ]}
            />
            <Button
              disabled={!memberId}
              loading={m.confirmLink.isPending}
              onClick={() => m.confirmLink.mutate({ requestId: request.id, memberId })}
            >
              {t('peers.requests.confirm')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDeclining(true)}>
              {t('peers.requests.decline')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={m.confirmLink.error} />
      </Stack>
      <ConfirmDialog
        opened={declining}
        title={t('peers.requests.decline')}
        body={t('peers.requests.declineBody')}
        confirmLabel={t('peers.requests.decline')}
        danger
        loading={m.declineLink.isPending}
        error={m.declineLink.error}
        onClose={() => setDeclining(false)}
        onConfirm={() => m.declineLink.mutate(request.id, { onSuccess: () => setDeclining(false) })}
      />
    </Card>
  );
}
