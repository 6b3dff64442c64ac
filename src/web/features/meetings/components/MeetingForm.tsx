import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingCreateSchema } from '../../../../shared/meetings.schema';
import type { DataCategory } from '../../../../shared/consent.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newRequestId, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { CategoryCheckboxes } from '../../consent/components/CategoryCheckboxes';
import { PartnerMultiPicker } from '../../consent/components/PartnerPicker';
import { useMeetingMutations } from '../hooks';

/** Planning a case meeting: where (municipality), when, which organisations take part, what is discussed. */
export function MeetingForm({
  detail,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { create } = useMeetingMutations(detail.id);
  const [requestId, setRequestId] = useState(newRequestId);
  const { form, onSubmit, showServerErrors, errorOf } = useSchemaForm({
    initialValues: {
      municipality: detail.municipality,
      meetingOn: todayIso(),
      partnerIds: [] as string[],
      categories: [] as DataCategory[],
      note: '',
    },
    schema: MeetingCreateSchema,
    toInput: (values) => ({ requestId, ...values }),
    errorText: (path) =>
      path === 'partnerIds'
        ? t('meetings.participantsRequired')
        : path === 'categories'
          ? t('sharing.categoriesRequired')
          : undefined,
  });

  const submit = onSubmit((data) =>
    create.mutate(data, {
      onSuccess: () => {
        setRequestId(newRequestId());
        onDone();
      },
      onError: showServerErrors,
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.formLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('meetings.municipality')}
            {...form.getInputProps('municipality')}
            maxLength={80}
            withAsterisk
            dir="auto"
          />
          <TextInput
            label={t('meetings.meetingOn')}
            type="date"
            {...form.getInputProps('meetingOn')}
            withAsterisk
          />
        </SimpleGrid>
        <PartnerMultiPicker
          label={t('meetings.participants')}
          description={t('meetings.participantsHint')}
          value={form.values.partnerIds}
          onChange={(partners) =>
            form.setFieldValue(
              'partnerIds',
              partners.map((partner) => partner.id),
            )
          }
          error={errorOf('partnerIds')}
        />
        <CategoryCheckboxes
          label={t('meetings.categories')}
          value={form.values.categories}
          onChange={(categories) => form.setFieldValue('categories', categories)}
          error={errorOf('categories')}
        />
        <Textarea
          label={t('meetings.note')}
          {...form.getInputProps('note')}
          maxLength={2000}
          autosize
          minRows={2}
          dir="auto"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
