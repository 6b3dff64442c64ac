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
import { useTranslation } from 'react-i18next';
import { PARTNER_TYPES, PartnerCreateSchema } from '../../../../shared/partners.schema';
import type { Partner } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
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
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: {
      name: partner?.name ?? '',
      type: partner?.type ?? '',
      municipality: partner?.municipality ?? '',
      languages: partner?.languages ?? [],
      secureContact: partner?.secureContact ?? '',
      contactPerson: partner?.contactPerson ?? '',
      notes: partner?.notes ?? '',
    },
    schema: PartnerCreateSchema,
    toInput: (values) => ({
      ...values,
      type: values.type || undefined,
      languages: values.languages.map((language) => language.trim().toLowerCase()).filter(Boolean),
    }),
  });
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);

  const submit = onSubmit((data) => {
    const onError = showServerErrors;
    if (partner) update.mutate({ id: partner.id, ...data }, { onSuccess: onClose, onError });
    else create.mutate(data, { onSuccess: onClose, onError });
  });

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
            {...form.getInputProps('name')}
            maxLength={160}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partners.type')}
              {...form.getInputProps('type')}
              data={[
                { value: '', label: t('partners.chooseType') },
                ...PARTNER_TYPES.map((value) => ({ value, label: t(`partners.types.${value}`) })),
              ]}
              required
            />
            <TextInput
              label={t('partners.municipality')}
              {...form.getInputProps('municipality')}
              maxLength={80}
            />
          </SimpleGrid>
          <TagsInput
            label={t('partners.languages')}
            description={t('partners.languagesHint')}
            {...form.getInputProps('languages')}
            maxTags={20}
            splitChars={[',', ' ']}
            classNames={{ input: 'ltr-text' }}
            clearable
          />
          <Textarea
            label={t('partners.secureContact')}
            description={t('partners.secureContactHint')}
            {...form.getInputProps('secureContact')}
            maxLength={500}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('partners.contactPerson')}
            {...form.getInputProps('contactPerson')}
            maxLength={160}
          />
          <Textarea
            label={t('partners.notes')}
            description={t('partners.notesHint')}
            {...form.getInputProps('notes')}
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
