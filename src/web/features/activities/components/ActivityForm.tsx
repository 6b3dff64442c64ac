import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_AUDIENCES,
  ActivityCreateSchema,
  INFO_MEETING_CODE,
} from '../../../../shared/activities.schema';
import type { Activity, FacilitatorOption } from '../../../../shared/activities.schema';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newRequestId } from '../../../components/format';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useMunicipalities } from '../../counsellors/hooks';
import { usePartners } from '../../partners/hooks';
import { termLabelOf } from '../labels';
import { ACTIVITIES_KEY } from '../api';
import { useActivityMutations, useActivityTypes } from '../hooks';
import { FacilitatorPicker, refusalText } from './FacilitatorPicker';

interface ActivityFormProps {
  /** Editing this activity; a new one when undefined. */
  activity?: Activity;
  onClose: () => void;
  onCreated?: (id: string) => void;
}

/** Plans or edits an activity: what, when, where, with whom, in which languages, for whom. */
export function ActivityForm({ activity, onClose, onCreated }: ActivityFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { create, update } = useActivityMutations();
  const mutation = activity ? update : create;
  const types = useActivityTypes();
  const places = useMunicipalities();
  const partners = usePartners({ q: '', type: '', includeRetired: false });
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: {
      typeId: activity?.typeId ?? '',
      title: activity?.title ?? '',
      date: activity?.date ?? '',
      startTime: activity?.startTime ?? '19:00',
      endTime: activity?.endTime ?? '21:00',
      place: activity?.place ?? '',
      municipalityId: activity?.municipalityId ?? '',
      hostPartnerId: activity?.hostPartner?.id ?? '',
      partnerIds: activity?.partners.map((p) => p.id) ?? [],
      languages: activity?.languages ?? [],
      facilitatorIds: activity?.facilitators.map((f) => f.userId) ?? [],
      audience: activity?.audience ?? 'parents',
      isPublic: activity?.isPublic ?? false,
    },
    schema: ActivityCreateSchema,
    toInput: (values) => ({
      ...values,
      requestId,
      hostPartnerId: values.hostPartnerId || null,
      isPublic: isInfoMeetingType(values.typeId) && values.isPublic,
      typeId: values.typeId || undefined,
      municipalityId: values.municipalityId || undefined,
    }),
  });
  const v = form.getValues();
  const [refused, setRefused] = useState<string[]>([]);
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);
  const typeItems = types.data?.items ?? [];
  function isInfoMeetingType(typeId: string) {
    return typeItems.find((x) => x.termId === typeId)?.code === INFO_MEETING_CODE;
  }
  const isInfoMeeting = isInfoMeetingType(v.typeId);

  function explainRefusals(error: unknown) {
    if (!isApiError(error)) return setRefused([]);
    const { typeId, date, facilitatorIds } = form.getValues();
    const options = client.getQueryData<{ items: FacilitatorOption[] }>([
      ...ACTIVITIES_KEY,
      'facilitators',
      typeId,
      date,
    ]);
    setRefused(
      error.fieldErrors
        .filter((e) => e.field.startsWith('facilitatorIds.'))
        .map((e) => {
          const id = facilitatorIds[Number(e.field.split('.')[1])];
          const o = options?.items.find((x) => x.userId === id);
          return o && o.reason ? `${o.name}: ${refusalText(t, o)}` : e.message;
        }),
    );
  }

  const submit = onSubmit((data) => {
    setRefused([]);
    const onError = (error: unknown) => {
      showServerErrors(error);
      explainRefusals(error);
    };
    if (activity) {
      const { requestId: _unused, ...body } = data;
      update.mutate({ id: activity.id, ...body }, { onSuccess: onClose, onError });
    } else
      create.mutate(data, {
        onSuccess: (created) => {
          onClose();
          onCreated?.(created.id);
        },
        onError,
      });
  });

  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={activity ? t('activities.editTitle', { title: activity.title }) : t('activities.planTitle')}
      centered
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          {refused.length ? (
            <Alert color="red" variant="light" role="alert" title={t('activities.refusedTitle')}>
              <List size="sm">
                {refused.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('activities.type')}
              {...form.getInputProps('typeId')}
              data={[
                { value: '', label: t('activities.chooseType') },
                ...typeItems
                  .filter((x) => x.active || x.termId === v.typeId)
                  .map((x) => ({ value: x.termId, label: termLabelOf(x.labels) })),
              ]}
              required
              data-autofocus
            />
            <TextInput
              label={t('activities.titleLabel')}
              {...form.getInputProps('title')}
              maxLength={160}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('activities.date')} {...form.getInputProps('date')} required />
            <TextInput
              type="time"
              label={t('activities.startTime')}
              {...form.getInputProps('startTime')}
              required
            />
            <TextInput
              type="time"
              label={t('activities.endTime')}
              {...form.getInputProps('endTime')}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.municipality')}
              data={(places.data?.items ?? [])
                .filter((p) => p.active || p.id === v.municipalityId)
                .map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('municipalityId')}
              value={v.municipalityId || null}
              onChange={(value: string | null) => form.setFieldValue('municipalityId', value ?? '')}
              searchable
              nothingFoundMessage={t('intake.nothingFound')}
              required
            />
            <TextInput
              label={t('activities.place')}
              description={t('activities.placeHint')}
              {...form.getInputProps('place')}
              maxLength={200}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.host')}
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('hostPartnerId')}
              value={v.hostPartnerId || null}
              onChange={(value: string | null) => form.setFieldValue('hostPartnerId', value ?? '')}
              searchable
              clearable
            />
            <MultiSelect
              label={t('activities.partners')}
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              {...form.getInputProps('partnerIds')}
              searchable
              clearable
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('activities.languages')}
              data={CONVERSATION_LANGUAGES.map((code) => ({
                value: code,
                label: t(`conversationLanguages.${code}`),
              }))}
              {...form.getInputProps('languages')}
              searchable
              required
            />
            <NativeSelect
              label={t('activities.audience')}
              {...form.getInputProps('audience')}
              data={ACTIVITY_AUDIENCES.map((value) => ({ value, label: t(`activities.audiences.${value}`) }))}
            />
          </SimpleGrid>
          <FacilitatorPicker
            typeId={v.typeId}
            date={v.date}
            {...form.getInputProps('facilitatorIds')}
            value={v.facilitatorIds}
          />
          {isInfoMeeting ? (
            <Switch
              label={t('activities.isPublic')}
              description={t('activities.isPublicHint')}
              {...form.getInputProps('isPublic', { type: 'checkbox' })}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {activity ? t('common.save') : t('activities.plan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
