import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingCreateSchema } from '../../../../shared/meetings.schema';
import type { DataCategory } from '../../../../shared/consent.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { newRequestId, todayIso } from '../../../components/format';
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
  const [municipality, setMunicipality] = useState(detail.municipality);
  const [meetingOn, setMeetingOn] = useState(todayIso);
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const error = (key: string) => fieldErrorText(t, errors[key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = MeetingCreateSchema.safeParse({
      requestId,
      municipality,
      meetingOn,
      partnerIds,
      categories,
      note,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        setRequestId(newRequestId());
        onDone();
      },
      onError: (caught) => setErrors(apiFieldErrors(caught)),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('meetings.formLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('meetings.municipality')}
            value={municipality}
            onChange={(event) => setMunicipality(event.currentTarget.value)}
            error={error('municipality')}
            maxLength={80}
            withAsterisk
            dir="auto"
          />
          <TextInput
            label={t('meetings.meetingOn')}
            type="date"
            value={meetingOn}
            onChange={(event) => setMeetingOn(event.currentTarget.value)}
            error={error('meetingOn')}
            withAsterisk
          />
        </SimpleGrid>
        <PartnerMultiPicker
          label={t('meetings.participants')}
          description={t('meetings.participantsHint')}
          value={partnerIds}
          onChange={(partners) => setPartnerIds(partners.map((partner) => partner.id))}
          error={errors.partnerIds ? t('meetings.participantsRequired') : undefined}
        />
        <CategoryCheckboxes
          label={t('meetings.categories')}
          value={categories}
          onChange={setCategories}
          error={errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        <Textarea
          label={t('meetings.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
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
