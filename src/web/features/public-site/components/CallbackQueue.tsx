import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALLBACK_CLOSE_REASONS,
  type CallbackDetail,
  type CallbackItem,
} from '../../../../shared/public-site.schema';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { fetchCallback } from '../api';
import { useCallbacks, useCloseCallback } from '../hooks';

/** Asks why a request is closed without a contact; the reason is a code from a list, never free text. */
function CloseDialog({ item, onClose }: { item: CallbackItem; onClose: () => void }) {
  const { t } = useTranslation();
  useReturnFocusOnUnmount();
  const close = useCloseCallback();
  const [reason, setReason] = useState<(typeof CALLBACK_CLOSE_REASONS)[number]>('unreachable');
  return (
    <Modal opened onClose={onClose} title={t('callbacks.closeTitle', { alias: item.alias })} centered>
      <Stack>
        <Text>{t('callbacks.closeBody')}</Text>
        <NativeSelect
          label={t('callbacks.closeReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value as typeof reason)}
          data={CALLBACK_CLOSE_REASONS.map((value) => ({ value, label: t(`callbacks.reasons.${value}`) }))}
        />
        <ErrorAlert error={close.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={close.isPending}
            onClick={() => close.mutate({ id: item.id, reason }, { onSuccess: onClose })}
          >
            {t('callbacks.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CallbackCard({
  item,
  onTakeUp,
}: {
  item: CallbackItem;
  onTakeUp: (detail: CallbackDetail) => void;
}) {
  const { t } = useTranslation();
  const open = useMutation({ mutationFn: () => fetchCallback(item.id) });
  const [closing, setClosing] = useState(false);
  const detail = open.data;
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge size="lg" variant="filled" color="indigo">
              {t(`conversationLanguages.${item.language}`)}
            </Badge>
            <Text fw={600}>{item.alias}</Text>
            {item.overdue ? <Badge color="orange">{t('callbacks.overdue')}</Badge> : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('callbacks.received', { when: formatDateTime(item.createdAt, currentLanguage()) })}
          </Text>
        </Group>
        <Text size="lg" fw={700}>
          {t('callbacks.safeTimes')}: {item.safeTimes}
        </Text>
        <Text fw={600} c={item.mayLeaveMessage ? undefined : 'red.8'}>
          {item.mayLeaveMessage ? t('callbacks.messageYes') : t('callbacks.messageNo')}
        </Text>
        {detail ? (
          <Stack gap={4}>
            <Text>
              {t('callbacks.phone')}: <span dir="ltr">{detail.phone}</span>
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              {t('callbacks.question')}: {detail.question || t('callbacks.noQuestion')}
            </Text>
          </Stack>
        ) : null}
        <ErrorAlert error={open.error} />
        <Group gap="xs">
          {detail ? (
            <Button onClick={() => onTakeUp(detail)}>{t('callbacks.takeUp')}</Button>
          ) : (
            <Button variant="light" loading={open.isPending} onClick={() => open.mutate()}>
              {t('callbacks.open')}
            </Button>
          )}
          <Button variant="default" onClick={() => setClosing(true)}>
            {t('callbacks.close')}
          </Button>
        </Group>
      </Stack>
      {closing ? <CloseDialog item={item} onClose={() => setClosing(false)} /> : null}
    </Card>
  );
}

/**
 * Callback requests from the public site, oldest first, with their language and safe times up front.
 * Opening one shows the number and question (and is logged); taking it up fills the intake form.
 */
export function CallbackQueue({ onTakeUp }: { onTakeUp: (detail: CallbackDetail) => void }) {
  const { t } = useTranslation();
  const callbacks = useCallbacks();
  return (
    <section aria-labelledby="callback-queue">
      <Title order={2} size="h3" id="callback-queue" mb="xs">
        {t('callbacks.title')}
        {callbacks.data ? ` (${callbacks.data.items.length})` : ''}
      </Title>
      {callbacks.isPending ? (
        <Loading />
      ) : callbacks.isError ? (
        <ErrorAlert error={callbacks.error} />
      ) : callbacks.data.items.length === 0 ? (
        <EmptyState title={t('callbacks.empty')} />
      ) : (
        <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
          {callbacks.data.items.map((item) => (
            <CallbackCard key={item.id} item={item} onTakeUp={onTakeUp} />
          ))}
        </Stack>
      )}
    </section>
  );
}
