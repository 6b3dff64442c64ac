import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_TYPES, PartnerCreateSchema } from '../../../../shared/partners.schema';
import type { Partner, PartnerType } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { usePartnerMutations } from '../hooks';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

interface PartnerFormProps {
  /** Editing this partner; a new one when undefined. */
  partner?: Partner;
  onClose: () => void;
}

/** Adds or edits an organisation the helpline refers to (never anything about a family). */
export function PartnerForm({ partner, onClose }: PartnerFormProps) {
  const { t } = useTranslation();
  const { create, update } = usePartnerMutations();
  const mutation = partner ? update : create;
  const [name, setName] = useState(partner?.name ?? '');
  const [type, setType] = useState<PartnerType | ''>(partner?.type ?? '');
  const [municipality, setMunicipality] = useState(partner?.municipality ?? '');
  const [languages, setLanguages] = useState<string[]>(partner?.languages ?? []);
  const [secureContact, setSecureContact] = useState(partner?.secureContact ?? '');
  const [contactPerson, setContactPerson] = useState(partner?.contactPerson ?? '');
  const [notes, setNotes] = useState(partner?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(
    name !== (partner?.name ?? '') ||
      type !== (partner?.type ?? '') ||
      municipality !== (partner?.municipality ?? '') ||
      languages.join() !== (partner?.languages ?? []).join() ||
      secureContact !== (partner?.secureContact ?? '') ||
      contactPerson !== (partner?.contactPerson ?? '') ||
      notes !== (partner?.notes ?? ''),
    onClose,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PartnerCreateSchema.safeParse({
      name,
      type: type || undefined,
      municipality,
      languages: languages.map((language) => language.trim().toLowerCase()).filter(Boolean),
      secureContact,
      contactPerson,
      notes,
    });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error);
      if (found.type) found.type = { reason: 'required', message: found.type.message };
      return setErrors(found);
    }
    setErrors({});
    const onError = (error: unknown) => setErrors(apiFieldErrors(error));
    if (partner) update.mutate({ id: partner.id, ...parsed.data }, { onSuccess: onClose, onError });
    else create.mutate(parsed.data, { onSuccess: onClose, onError });
  }

  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={partner ? t('partners.editTitle', { name: partner.name }) : t('partners.addTitle')}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={mutation.error} />
          <TextInput
            label={t('partners.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrorText(t, errors.name)}
            maxLength={160}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partners.type')}
              value={type}
              onChange={(event) => setType(event.currentTarget.value as PartnerType | '')}
              data={[
                { value: '', label: t('partners.chooseType') },
                ...PARTNER_TYPES.map((value) => ({ value, label: t(`partners.types.${value}`) })),
              ]}
              error={fieldErrorText(t, errors.type)}
              required
            />
            <TextInput
              label={t('partners.municipality')}
              value={municipality}
              onChange={(event) => setMunicipality(event.currentTarget.value)}
              error={fieldErrorText(t, errors.municipality)}
              maxLength={80}
            />
          </SimpleGrid>
          <TagsInput
            label={t('partners.languages')}
            description={t('partners.languagesHint')}
            value={languages}
            onChange={setLanguages}
            error={fieldErrorText(t, errors.languages)}
            maxTags={20}
            splitChars={[',', ' ']}
            classNames={{ input: 'ltr-text' }}
            clearable
          />
          <Textarea
            label={t('partners.secureContact')}
            description={t('partners.secureContactHint')}
            value={secureContact}
            onChange={(event) => setSecureContact(event.currentTarget.value)}
            error={fieldErrorText(t, errors.secureContact)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('partners.contactPerson')}
            value={contactPerson}
            onChange={(event) => setContactPerson(event.currentTarget.value)}
            error={fieldErrorText(t, errors.contactPerson)}
            maxLength={160}
          />
          <Textarea
            label={t('partners.notes')}
            description={t('partners.notesHint')}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            error={fieldErrorText(t, errors.notes)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
