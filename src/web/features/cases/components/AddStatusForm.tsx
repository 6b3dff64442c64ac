import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusEventInputSchema, SUBJECT_STATUSES } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
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
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { status: 'at_home', occurredOn: todayIso(), note: '' },
    schema: StatusEventInputSchema,
    toInput: (values) => ({ subjectId, ...values }),
  });
  const submit = onSubmit((data) => add.mutate(data, { onSuccess: onDone, onError: showServerErrors }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('timeline.add')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('timeline.status')}
            {...form.getInputProps('status')}
            data={SUBJECT_STATUSES.map((value) => ({ value, label: t(`subjectStatuses.${value}`) }))}
            autoFocus
          />
          <TextInput label={t('timeline.date')} type="date" {...form.getInputProps('occurredOn')} required />
        </SimpleGrid>
        <TextInput label={t('timeline.note')} {...form.getInputProps('note')} maxLength={2000} />
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
