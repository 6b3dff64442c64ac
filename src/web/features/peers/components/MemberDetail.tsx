import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PEER_CONSENT_METHODS,
  PeerConsentInputSchema,
  PeerMemberUpdateSchema,
} from '../../../../shared/peers.schema';
import type { PeerMember } from '../../../../shared/peers.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { SavedNotice } from '../../../components/SavedNotice';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useMember, usePeerMutations } from '../hooks';

/** One member: how to reach them, the organiser's notes, their consents; linking consent and leaving. */
export function MemberDetail({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const member = useMember(memberId);
  useReturnFocusOnUnmount();
  return (
    <Modal opened onClose={onClose} title={member.data?.alias ?? t('peers.members.title')} centered size="lg">
      <ErrorAlert error={member.error} />
      {member.isPending ? <Loading /> : null}
      {member.data ? (
        <MemberBody key={member.data.notes + member.data.status} member={member.data} onClose={onClose} />
      ) : null}
    </Modal>
  );
}

function MemberBody({ member, onClose }: { member: PeerMember; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const m = usePeerMutations();
  const details = useSchemaForm({
    initialValues: { phone: member.phone, email: member.email, notes: member.notes },
    schema: PeerMemberUpdateSchema,
    toInput: (values) => ({ ...values, email: values.email.trim() }),
  });
  const linkingForm = useSchemaForm({
    initialValues: { method: '', givenOn: todayIso() },
    schema: PeerConsentInputSchema,
  });
  const [saved, setSaved] = useState(false);
  const [confirm, setConfirm] = useState<'leave' | 'unlink' | null>(null);
  const active = member.status === 'active';
  const dirty = details.dirty;
  const guard = useDiscardGuard(dirty, onClose);
  const linking = member.consents.find((c) => c.kind === 'linking' && c.withdrawnOn === null);

  const save = details.onSubmit((data) => {
    setSaved(false);
    m.updateMember.mutate(
      { memberId: member.id, ...data },
      {
        onSuccess: () => {
          // What was saved is the new starting point: the form is no longer "changed".
          details.form.resetDirty();
          setSaved(true);
        },
        onError: details.showServerErrors,
      },
    );
  });
  const recordLinking = linkingForm.onSubmit((consent) =>
    m.recordLinkingConsent.mutate(
      { memberId: member.id, ...consent },
      { onError: linkingForm.showServerErrors },
    ),
  );

  return (
    <Stack>
      {guard.prompt}
      <Group gap="xs">
        <Badge color={active ? 'teal' : 'gray'}>{t(`peers.members.status.${member.status}`)}</Badge>
        {member.canBeLinked ? <Badge variant="light">{t('peers.members.linkable')}</Badge> : null}
        <Text size="sm">{t(`conversationLanguages.${member.language}`)}</Text>
      </Group>
      {member.notesEraseOn ? (
        <Text size="sm" c="dimmed">
          {member.notesErased
            ? t('peers.members.notesErased')
            : t('peers.members.notesEraseOn', { date: formatDay(member.notesEraseOn, language) })}
        </Text>
      ) : null}
      <form onSubmit={save} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={m.updateMember.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('peers.members.phone')}
              type="tel"
              {...details.form.getInputProps('phone')}
              disabled={!active}
              maxLength={40}
            />
            <TextInput
              label={t('peers.members.email')}
              type="email"
              {...details.form.getInputProps('email')}
              disabled={!active}
              maxLength={254}
            />
          </SimpleGrid>
          <Textarea
            label={t('peers.members.notes')}
            description={t('peers.members.notesHint')}
            {...details.form.getInputProps('notes')}
            disabled={!active}
            maxLength={4000}
            autosize
            minRows={2}
          />
          {active ? (
            <Group justify="flex-end">
              <SavedNotice shown={saved && !dirty} title={t('peers.saved')} />
              <Button type="submit" disabled={!dirty} loading={m.updateMember.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      <Title order={3} size="h5">
        {t('peers.consent.title')}
      </Title>
      <List size="sm" spacing={4} aria-label={t('peers.consent.title')}>
        {member.consents.map((c) => (
          <List.Item key={c.id}>
            {t('peers.consent.line', {
              kind: t(`peers.consent.kinds.${c.kind}`),
              method: t(`peers.consent.methods.${c.method}`),
              date: formatDay(c.givenOn, language),
              by: c.recordedBy,
            })}
            {c.withdrawnOn
              ? ` — ${t('peers.consent.withdrawnOn', { date: formatDay(c.withdrawnOn, language) })}`
              : ''}
          </List.Item>
        ))}
      </List>
      {active && !linking ? (
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('peers.consent.linkingMethod')}
            {...linkingForm.form.getInputProps('method')}
            data={[
              { value: '', label: t('peers.choose') },
              ...PEER_CONSENT_METHODS.map((v) => ({ value: v, label: t(`peers.consent.methods.${v}`) })),
            ]}
          />
          <TextInput
            type="date"
            label={t('peers.consent.givenOn')}
            {...linkingForm.form.getInputProps('givenOn')}
          />
          <Button
            variant="default"
            disabled={!linkingForm.form.getValues().method}
            loading={m.recordLinkingConsent.isPending}
            onClick={() => recordLinking()}
          >
            {t('peers.consent.recordLinking')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={m.recordLinkingConsent.error} />
      {active ? (
        <Group justify="space-between">
          {linking ? (
            <Button variant="subtle" color="red" onClick={() => setConfirm('unlink')}>
              {t('peers.consent.withdrawLinking')}
            </Button>
          ) : (
            <span />
          )}
          <Button variant="outline" color="red" onClick={() => setConfirm('leave')}>
            {t('peers.members.withdraw')}
          </Button>
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm === 'leave' ? t('peers.members.withdrawTitle') : t('peers.consent.withdrawLinking')}
        body={confirm === 'leave' ? t('peers.members.withdrawBody') : t('peers.consent.withdrawLinkingBody')}
        confirmLabel={confirm === 'leave' ? t('peers.members.withdraw') : t('peers.consent.withdrawLinking')}
        danger
        loading={m.withdrawMembership.isPending || m.withdrawLinkingConsent.isPending}
        error={m.withdrawMembership.error ?? m.withdrawLinkingConsent.error}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          (confirm === 'leave' ? m.withdrawMembership : m.withdrawLinkingConsent).mutate(member.id, {
            onSuccess: () => setConfirm(null),
          })
        }
      />
    </Stack>
  );
}
