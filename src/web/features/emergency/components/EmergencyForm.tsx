import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCLOSURE_CHANNELS } from '../../../../shared/referrals.schema';
import { EMERGENCY_GROUNDS, EmergencyCreateSchema, LEGAL_BASES } from '../../../../shared/emergency.schema';
import type { DataCategory } from '../../../../shared/consent.schema';
import type { Partner } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { newRequestId } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { CategoryCheckboxes } from '../../consent/components/CategoryCheckboxes';
import { PartnerPicker } from '../../consent/components/PartnerPicker';
import { EMERGENCY_SETTINGS_KEY, fetchEmergencySettings } from '../../settings/api';
import { useEmergencyMutations } from '../hooks';

/** The emergency request: ground, legal basis, written reason, recipient, what and how, and telling the caller. */
export function EmergencyForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { create } = useEmergencyMutations();
  const [requestId, setRequestId] = useState(newRequestId);
  const { form, onSubmit, showServerErrors, errorOf } = useSchemaForm({
    initialValues: {
      ground: '',
      legalBasis: '',
      reason: '',
      partner: null as Partner | null,
      categories: [] as DataCategory[],
      channel: 'phone',
      informCaller: true,
      noInformReason: '',
    },
    schema: EmergencyCreateSchema,
    toInput: ({ partner, ...values }) => ({
      ...values,
      requestId,
      partnerId: partner?.id ?? '',
      noInformReason: values.informCaller ? '' : values.noInformReason,
    }),
    renames: { partnerId: 'partner' },
    // Each field says what to do about it, whatever the schema's reason.
    errorText: (path) => {
      switch (path) {
        case 'ground':
        case 'legalBasis':
          return t('sharing.chooseOne');
        case 'reason':
          return t('emergency.reasonTooShort');
        case 'partner':
          return t('fieldErrors.required');
        case 'categories':
          return t('sharing.categoriesRequired');
        case 'noInformReason':
          return t('emergency.noInformTooShort');
        default:
          return undefined;
      }
    },
  });
  // Serious crime is offered only where the organisation's legal basis names it (the server checks again).
  const settings = useQuery({ queryKey: EMERGENCY_SETTINGS_KEY, queryFn: fetchEmergencySettings });
  const grounds = EMERGENCY_GROUNDS.filter(
    (value) => value !== 'serious_crime' || settings.data?.seriousCrimeAllowed === true,
  );

  const submit = onSubmit((body) =>
    create.mutate(
      { caseId, body },
      {
        onSuccess: () => {
          setRequestId(newRequestId());
          onDone();
        },
        onError: showServerErrors,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('emergency.formLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <Radio.Group label={t('emergency.ground')} {...form.getInputProps('ground')} withAsterisk>
          <Stack gap="xs" mt={6}>
            {grounds.map((value) => (
              <Radio key={value} value={value} label={t(`emergency.grounds.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('emergency.legalBasis')} {...form.getInputProps('legalBasis')} withAsterisk>
          <Stack gap="xs" mt={6}>
            {LEGAL_BASES.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`emergency.legalBases.${value}.label`)}
                description={t(`emergency.legalBases.${value}.hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('emergency.reason')}
          description={t('emergency.reasonHint')}
          {...form.getInputProps('reason')}
          maxLength={4000}
          autosize
          minRows={3}
          withAsterisk
          dir="auto"
        />
        <PartnerPicker
          label={t('emergency.partner')}
          value={form.values.partner?.id ?? ''}
          onChange={(partner) => form.setFieldValue('partner', partner)}
          error={errorOf('partner')}
        />
        <CategoryCheckboxes
          label={t('emergency.categories')}
          description={t('emergency.categoriesHint')}
          value={form.values.categories}
          onChange={(categories) => form.setFieldValue('categories', categories)}
          error={errorOf('categories')}
        />
        <NativeSelect
          label={t('emergency.channel')}
          {...form.getInputProps('channel')}
          data={DISCLOSURE_CHANNELS.map((value) => ({ value, label: t(`disclosureChannels.${value}`) }))}
        />
        <Checkbox
          label={t('emergency.informCaller')}
          description={t('emergency.informCallerHint')}
          {...form.getInputProps('informCaller', { type: 'checkbox' })}
        />
        {!form.values.informCaller ? (
          <Textarea
            label={t('emergency.noInformReason')}
            description={t('emergency.noInformHint')}
            {...form.getInputProps('noInformReason')}
            maxLength={2000}
            autosize
            minRows={2}
            withAsterisk
            dir="auto"
          />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={create.isPending}>
            {t('emergency.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
