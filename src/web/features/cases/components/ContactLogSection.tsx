import {
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, LogEntryInputSchema } from '../../../../shared/cases.schema';
import type { CaseDetail, Channel } from '../../../../shared/cases.schema';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, newRequestId, nowLocalInput } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useAddCaseItem } from '../hooks/useCases';
import { Section } from './Section';

export const LOG_FIRST_FIELD = 'log-when';

const blank = () => ({
  occurredAt: nowLocalInput(),
  channel: 'phone' as Channel,
  duration: '',
  withWhom: '',
  note: '',
});

/** The quick contact log: form on top (now, phone, minutes, with whom, note), dated entries below. */
export function ContactLogSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const add = useAddCaseItem(detail.id, 'log');
  // Kept until the entry is saved: a retry after a lost answer does not log the contact twice.
  const [requestId, setRequestId] = useState(newRequestId);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: blank(),
    schema: LogEntryInputSchema,
    toInput: (values) => {
      const when = new Date(values.occurredAt);
      return {
        requestId,
        occurredAt: Number.isNaN(when.getTime()) ? '' : when.toISOString(),
        channel: values.channel,
        // Left out when empty, so it reads "required" rather than "invalid".
        durationMinutes: values.duration.trim() === '' ? undefined : Number(values.duration),
        withWhom: values.withWhom,
        note: values.note,
      };
    },
    renames: { durationMinutes: 'duration' },
  });
  const language = currentLanguage();

  const submit = onSubmit((data) =>
    add.mutate(data, {
      onSuccess: () => {
        const next = blank();
        form.setValues(next);
        form.resetDirty(next);
        setRequestId(newRequestId());
      },
      onError: showServerErrors,
    }),
  );

  const entries = [...detail.log].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));

  return (
    <Section id="log" title={t('log.title')}>
      <Stack>
        {detail.abilities.canEdit ? (
          <form onSubmit={submit} noValidate aria-label={t('log.formLabel')}>
            <Stack gap="sm">
              <ErrorAlert error={add.error} />
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                <TextInput
                  label={t('log.when')}
                  type="datetime-local"
                  id={LOG_FIRST_FIELD}
                  {...form.getInputProps('occurredAt')}
                  required
                />
                <NativeSelect
                  label={t('log.channel')}
                  {...form.getInputProps('channel')}
                  data={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
                />
                <TextInput
                  label={t('log.duration')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={600}
                  {...form.getInputProps('duration')}
                  required
                />
                <TextInput label={t('log.withWhom')} {...form.getInputProps('withWhom')} maxLength={120} />
              </SimpleGrid>
              <Textarea
                label={t('log.note')}
                placeholder={t('log.notePlaceholder')}
                {...form.getInputProps('note')}
                autosize
                minRows={2}
                maxLength={4000}
                required
              />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending}>
                  {t('log.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {entries.length === 0 ? (
          <EmptyState title={t('log.empty')} />
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={-1}>
            {entries.map((entry) => (
              <Timeline.Item
                key={entry.id}
                title={[
                  formatDateTime(entry.occurredAt, language),
                  t(`channels.${entry.channel}`),
                  ...(entry.durationMinutes === null ? [] : [t('log.minutes', { n: entry.durationMinutes })]),
                  ...(entry.intake ? [t('log.intakeCall')] : []),
                ].join(' · ')}
              >
                {entry.withWhom ? (
                  <Text size="sm" c="dimmed">
                    {t('log.withWhom')}: {entry.withWhom}
                  </Text>
                ) : null}
                {entry.note ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {entry.note}
                  </Text>
                ) : null}
                {entry.authorName ? (
                  <Text size="xs" c="dimmed">
                    {entry.authorName}
                  </Text>
                ) : null}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Section>
  );
}
