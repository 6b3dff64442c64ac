import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LANGUAGES } from '../../../../shared/cases.schema';
import { PEER_CONSENT_METHODS, PeerMemberCreateSchema } from '../../../../shared/peers.schema';
import type { PeerConsentMethod } from '../../../../shared/peers.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { usePeerMutations } from '../hooks';

/** Adds a parent who explicitly joined, with how and when they gave their membership consent. */
export function MemberForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { createMember } = usePeerMutations();
  const [requestId] = useState(() => crypto.randomUUID());
  const [alias, setAlias] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState('');
  const [notes, setNotes] = useState('');
  const [method, setMethod] = useState<PeerConsentMethod | ''>('');
  const [givenOn, setGivenOn] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(
    alias !== '' || phone !== '' || email !== '' || notes !== '' || language !== '' || method !== '',
    onClose,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PeerMemberCreateSchema.safeParse({
      requestId,
      alias,
      phone,
      email: email.trim(),
      language: language || undefined,
      notes,
      consent: { method: method || undefined, givenOn },
    });
    if (!parsed.success) {
      // The consent's fields are nested: key their problems by the field itself, as the server's are.
      const nested = parsed.error.issues
        .filter((issue) => issue.path[0] === 'consent' && issue.path[1] !== undefined)
        .map((issue) => [String(issue.path[1]), { reason: issue.code, message: issue.message }] as const);
      return setErrors({ ...Object.fromEntries(nested), ...zodFieldErrors(parsed.error) });
    }
    setErrors({});
    createMember.mutate(parsed.data, { onSuccess: onClose, onError: (e) => setErrors(apiFieldErrors(e)) });
  }

  return (
    <Modal opened onClose={guard.requestClose} title={t('peers.members.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={createMember.error} />
          <TextInput
            label={t('peers.members.alias')}
            description={t('peers.members.aliasHint')}
            value={alias}
            onChange={(e) => setAlias(e.currentTarget.value)}
            error={fieldErrorText(t, errors.alias)}
            maxLength={160}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('peers.members.phone')}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={fieldErrorText(t, errors.phone)}
              maxLength={40}
            />
            <TextInput
              label={t('peers.members.email')}
              description={t('peers.members.emailHint')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldErrorText(t, errors.email)}
              maxLength={254}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('peers.members.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldErrorText(t, errors.language)}
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
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as PeerConsentMethod | '')}
              error={fieldErrorText(t, errors.method)}
              required
              data={[
                { value: '', label: t('peers.choose') },
                ...PEER_CONSENT_METHODS.map((m) => ({ value: m, label: t(`peers.consent.methods.${m}`) })),
              ]}
            />
            <TextInput
              type="date"
              label={t('peers.consent.givenOn')}
              value={givenOn}
              onChange={(e) => setGivenOn(e.currentTarget.value)}
              error={fieldErrorText(t, errors.givenOn)}
              required
            />
          </SimpleGrid>
          <Textarea
            label={t('peers.members.notes')}
            description={t('peers.members.notesHint')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={fieldErrorText(t, errors.notes)}
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
