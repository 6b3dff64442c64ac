import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusEventInputSchema, SUBJECT_STATUSES } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { todayIso } from '../../../components/format';
import { useAddCaseItem } from '../hooks/useCases';

/** A dated change in a person's situation (at home, departed, detained, returned…). */
export function AddStatusForm({
  caseId,
  subjectId,
  onDone,
}: {
  caseId: string;
  subjectId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddCaseItem(caseId, 'status-events');
  const [status, setStatus] = useState<string>('at_home');
  const [occurredOn, setOccurredOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = StatusEventInputSchema.safeParse({ subjectId, status, occurredOn, note });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    add.mutate(parsed.data, { onSuccess: onDone, onError: (error) => setErrors(apiFieldErrors(error)) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('timeline.add')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('timeline.status')}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value)}
            data={SUBJECT_STATUSES.map((value) => ({ value, label: t(`subjectStatuses.${value}`) }))}
            autoFocus
          />
          <TextInput
            label={t('timeline.date')}
            type="date"
            value={occurredOn}
            onChange={(event) => setOccurredOn(event.currentTarget.value)}
            error={fieldErrorText(t, errors.occurredOn)}
            required
          />
        </SimpleGrid>
        <TextInput
          label={t('timeline.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={2000}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
