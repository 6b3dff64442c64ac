import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import { PEER_CONSENT_METHODS, PeerMemberCreateSchema } from '../../../../shared/peers.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { usePeerMutations } from '../hooks';

/** Adds a parent who explicitly joined, with how and when they gave their membership consent. */
export function MemberForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { createMember } = usePeerMutations();
  const [requestId] = useState(() => crypto.randomUUID());
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: {
      alias: '',
      phone: '',
      email: '',
      language: '',
      notes: '',
      consent: { method: '', givenOn: todayIso() },
    },
    schema: PeerMemberCreateSchema,
    toInput: (values) => ({
      ...values,
      requestId,
      email: values.email.trim(),
      language: values.language || undefined,
      consent: { method: values.consent.method || undefined, givenOn: values.consent.givenOn },
    }),
  });
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);

  const submit = onSubmit((data) =>
    createMember.mutate(data, { onSuccess: onClose, onError: showServerErrors }),
  );

  return (
    <Modal opened onClose={guard.requestClose} title={t('peers.members.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={createMember.error} />
          <TextInput
            label={t('peers.members.alias')}
            description={t('peers.members.aliasHint')}
            {...form.getInputProps('alias')}
            maxLength={160}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('peers.members.phone')}
              type="tel"
              {...form.getInputProps('phone')}
              maxLength={40}
            />
            <TextInput
              label={t('peers.members.email')}
              description={t('peers.members.emailHint')}
              type="email"
              {...form.getInputProps('email')}
              maxLength={254}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('peers.members.language')}
            {...form.getInputProps('language')}
            required
            data={[
              { value: '', label: t('peers.choose') },
              ...CONVERSATION_LANGUAGES.map((code) => ({
                value: code,
                label: t(`conversationLanguages.${code}`),
              })),
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('peers.consent.method')}
              {...form.getInputProps('consent.method')}
              required
              data={[
                { value: '', label: t('peers.choose') },
                ...PEER_CONSENT_METHODS.map((m) => ({ value: m, label: t(`peers.consent.methods.${m}`) })),
              ]}
            />
            <TextInput
              type="date"
              label={t('peers.consent.givenOn')}
              {...form.getInputProps('consent.givenOn')}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('peers.members.notes')}
            description={t('peers.members.notesHint')}
            {...form.getInputProps('notes')}
            maxLength={4000}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMember.isPending}>
              {t('peers.members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
