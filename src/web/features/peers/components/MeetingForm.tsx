import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeerMeetingCreateSchema } from '../../../../shared/peers.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { usePeerMutations } from '../hooks';

/** Plans a private meeting. The place is never published; the call number is what invitees are told. */
export function MeetingForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { createMeeting } = usePeerMutations();
  const [requestId] = useState(() => crypto.randomUUID());
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: { heldAt: '', place: '', facilitator: '', callNumber: '', note: '' },
    schema: PeerMeetingCreateSchema,
    toInput: (values) => ({
      ...values,
      requestId,
      heldAt: values.heldAt ? new Date(values.heldAt).toISOString() : undefined,
    }),
  });
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);

  const submit = onSubmit((data) =>
    createMeeting.mutate(data, {
      onSuccess: (meeting) => onCreated(meeting.id),
      onError: showServerErrors,
    }),
  );

  return (
    <Modal opened onClose={guard.requestClose} title={t('peers.meetings.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={createMeeting.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('peers.meetings.heldAt')}
              {...form.getInputProps('heldAt')}
              required
              data-autofocus
            />
            <TextInput
              label={t('peers.meetings.facilitator')}
              {...form.getInputProps('facilitator')}
              required
              maxLength={160}
            />
          </SimpleGrid>
          <TextInput
            label={t('peers.meetings.place')}
            description={t('peers.meetings.placeHint')}
            {...form.getInputProps('place')}
            required
            maxLength={300}
          />
          <TextInput
            label={t('peers.meetings.callNumber')}
            description={t('peers.meetings.callNumberHint')}
            type="tel"
            {...form.getInputProps('callNumber')}
            required
            maxLength={40}
          />
          <Textarea
            label={t('peers.meetings.note')}
            description={t('peers.meetings.noteHint')}
            {...form.getInputProps('note')}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMeeting.isPending}>
              {t('peers.meetings.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
