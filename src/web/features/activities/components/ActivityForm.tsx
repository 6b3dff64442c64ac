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
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_AUDIENCES,
  ActivityCreateSchema,
  INFO_MEETING_CODE,
} from '../../../../shared/activities.schema';
import type { Activity, ActivityAudience, FacilitatorOption } from '../../../../shared/activities.schema';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { newRequestId } from '../../../components/format';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
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
  const initial = useMemo(
    () => ({
      typeId: activity?.typeId ?? '',
      title: activity?.title ?? '',
      date: activity?.date ?? '',
      startTime: activity?.startTime ?? '19:00',
      endTime: activity?.endTime ?? '21:00',
      place: activity?.place ?? '',
      municipalityId: activity?.municipalityId ?? '',
      hostPartnerId: activity?.hostPartner?.id ?? '',
      partnerIds: activity?.partners.map((p) => p.id) ?? [],
      languages: (activity?.languages ?? []) as string[],
      facilitatorIds: activity?.facilitators.map((f) => f.userId) ?? [],
      audience: (activity?.audience ?? 'parents') as ActivityAudience,
      isPublic: activity?.isPublic ?? false,
    }),
    [activity],
  );
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<string[]>([]);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(JSON.stringify(v) !== JSON.stringify(initial), onClose);
  const typeItems = types.data?.items ?? [];
  const isInfoMeeting = typeItems.find((x) => x.termId === v.typeId)?.code === INFO_MEETING_CODE;

  function explainRefusals(error: unknown) {
    if (!isApiError(error)) return setRefused([]);
    const options = client.getQueryData<{ items: FacilitatorOption[] }>([
      ...ACTIVITIES_KEY,
      'facilitators',
      v.typeId,
      v.date,
    ]);
    setRefused(
      error.fieldErrors
        .filter((e) => e.field.startsWith('facilitatorIds.'))
        .map((e) => {
          const id = v.facilitatorIds[Number(e.field.split('.')[1])];
          const o = options?.items.find((x) => x.userId === id);
          return o && o.reason ? `${o.name}: ${refusalText(t, o)}` : e.message;
        }),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ActivityCreateSchema.safeParse({
      ...v,
      requestId,
      hostPartnerId: v.hostPartnerId || null,
      isPublic: isInfoMeeting && v.isPublic,
      typeId: v.typeId || undefined,
      municipalityId: v.municipalityId || undefined,
    });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error);
      for (const key of ['typeId', 'municipalityId', 'date'] as const)
        if (found[key]) found[key] = { reason: 'required', message: found[key].message };
      return setErrors(found);
    }
    setErrors({});
    setRefused([]);
    const onError = (error: unknown) => {
      setErrors(apiFieldErrors(error));
      explainRefusals(error);
    };
    if (activity) {
      const { requestId: _unused, ...body } = parsed.data;
      update.mutate({ id: activity.id, ...body }, { onSuccess: onClose, onError });
    } else
      create.mutate(parsed.data, {
        onSuccess: (created) => {
          onClose();
          onCreated?.(created.id);
        },
        onError,
      });
  }

  const e = (key: string) => fieldErrorText(t, errors[key]);
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
              value={v.typeId}
              onChange={(event) => set('typeId', event.currentTarget.value)}
              data={[
                { value: '', label: t('activities.chooseType') },
                ...typeItems
                  .filter((x) => x.active || x.termId === v.typeId)
                  .map((x) => ({ value: x.termId, label: termLabelOf(x.labels) })),
              ]}
              error={e('typeId')}
              required
              data-autofocus
            />
            <TextInput
              label={t('activities.titleLabel')}
              value={v.title}
              onChange={(event) => set('title', event.currentTarget.value)}
              error={e('title')}
              maxLength={160}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('activities.date')}
              value={v.date}
              onChange={(event) => set('date', event.currentTarget.value)}
              error={e('date')}
              required
            />
            <TextInput
              type="time"
              label={t('activities.startTime')}
              value={v.startTime}
              onChange={(event) => set('startTime', event.currentTarget.value)}
              error={e('startTime')}
              required
            />
            <TextInput
              type="time"
              label={t('activities.endTime')}
              value={v.endTime}
              onChange={(event) => set('endTime', event.currentTarget.value)}
              error={e('endTime')}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.municipality')}
              data={(places.data?.items ?? [])
                .filter((p) => p.active || p.id === v.municipalityId)
                .map((p) => ({ value: p.id, label: p.name }))}
              value={v.municipalityId || null}
              onChange={(value) => set('municipalityId', value ?? '')}
              searchable
              nothingFoundMessage={t('intake.nothingFound')}
              error={e('municipalityId')}
              required
            />
            <TextInput
              label={t('activities.place')}
              description={t('activities.placeHint')}
              value={v.place}
              onChange={(event) => set('place', event.currentTarget.value)}
              error={e('place')}
              maxLength={200}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.host')}
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={v.hostPartnerId || null}
              onChange={(value) => set('hostPartnerId', value ?? '')}
              searchable
              clearable
              error={e('hostPartnerId')}
            />
            <MultiSelect
              label={t('activities.partners')}
              data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={v.partnerIds}
              onChange={(value) => set('partnerIds', value)}
              searchable
              clearable
              error={e('partnerIds')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('activities.languages')}
              data={CONVERSATION_LANGUAGES.map((code) => ({
                value: code,
                label: t(`conversationLanguages.${code}`),
              }))}
              value={v.languages}
              onChange={(value) => set('languages', value)}
              searchable
              error={e('languages')}
              required
            />
            <NativeSelect
              label={t('activities.audience')}
              value={v.audience}
              onChange={(event) => set('audience', event.currentTarget.value as ActivityAudience)}
              data={ACTIVITY_AUDIENCES.map((value) => ({ value, label: t(`activities.audiences.${value}`) }))}
              error={e('audience')}
            />
          </SimpleGrid>
          <FacilitatorPicker
            typeId={v.typeId}
            date={v.date}
            value={v.facilitatorIds}
            onChange={(ids) => set('facilitatorIds', ids)}
            error={e('facilitatorIds')}
          />
          {isInfoMeeting ? (
            <Switch
              label={t('activities.isPublic')}
              description={t('activities.isPublicHint')}
              checked={v.isPublic}
              onChange={(event) => set('isPublic', event.currentTarget.checked)}
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
