import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PeerMeetingCreateSchema } from '../../../../shared/peers.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
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
  const [heldAt, setHeldAt] = useState('');
  const [place, setPlace] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [callNumber, setCallNumber] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(heldAt !== '' || place !== '' || facilitator !== '' || note !== '', onClose);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PeerMeetingCreateSchema.safeParse({
      requestId,
      heldAt: heldAt ? new Date(heldAt).toISOString() : undefined,
      place,
      facilitator,
      callNumber,
      note,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    createMeeting.mutate(parsed.data, {
      onSuccess: (meeting) => onCreated(meeting.id),
      onError: (e) => setErrors(apiFieldErrors(e)),
    });
  }

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
              value={heldAt}
              required
              data-autofocus
              onChange={(e) => setHeldAt(e.currentTarget.value)}
              error={fieldErrorText(t, errors.heldAt)}
            />
            <TextInput
              label={t('peers.meetings.facilitator')}
              value={facilitator}
              required
              maxLength={160}
              onChange={(e) => setFacilitator(e.currentTarget.value)}
              error={fieldErrorText(t, errors.facilitator)}
            />
          </SimpleGrid>
          <TextInput
            label={t('peers.meetings.place')}
            description={t('peers.meetings.placeHint')}
            value={place}
            required
            maxLength={300}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={fieldErrorText(t, errors.place)}
          />
          <TextInput
            label={t('peers.meetings.callNumber')}
            description={t('peers.meetings.callNumberHint')}
            type="tel"
            value={callNumber}
            required
            maxLength={40}
            onChange={(e) => setCallNumber(e.currentTarget.value)}
            error={fieldErrorText(t, errors.callNumber)}
          />
          <Textarea
            label={t('peers.meetings.note')}
            description={t('peers.meetings.noteHint')}
            value={note}
            maxLength={4000}
            autosize
            minRows={2}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrorText(t, errors.note)}
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
