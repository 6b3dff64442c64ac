import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DISCLOSURE_CHANNELS } from '../../../../shared/referrals.schema';
import { EMERGENCY_GROUNDS, EmergencyCreateSchema, LEGAL_BASES } from '../../../../shared/emergency.schema';
import type { DataCategory } from '../../../../shared/consent.schema';
import type { DisclosureChannel } from '../../../../shared/referrals.schema';
import type { Partner } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { newRequestId } from '../../../components/format';
import { CategoryCheckboxes } from '../../consent/components/CategoryCheckboxes';
import { PartnerPicker } from '../../consent/components/PartnerPicker';
import { EMERGENCY_SETTINGS_KEY, fetchEmergencySettings } from '../../settings/api';
import { useEmergencyMutations } from '../hooks';

type Ground = (typeof EMERGENCY_GROUNDS)[number];
type LegalBasis = (typeof LEGAL_BASES)[number];

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
  const [ground, setGround] = useState<Ground | ''>('');
  const [legalBasis, setLegalBasis] = useState<LegalBasis | ''>('');
  const [reason, setReason] = useState('');
  const [partner, setPartner] = useState<Partner | null>(null);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [channel, setChannel] = useState<DisclosureChannel>('phone');
  const [informCaller, setInformCaller] = useState(true);
  const [noInformReason, setNoInformReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Serious crime is offered only where the organisation's legal basis names it (the server checks again).
  const settings = useQuery({ queryKey: EMERGENCY_SETTINGS_KEY, queryFn: fetchEmergencySettings });
  const grounds = EMERGENCY_GROUNDS.filter(
    (value) => value !== 'serious_crime' || settings.data?.seriousCrimeAllowed === true,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = EmergencyCreateSchema.safeParse({
      requestId,
      ground,
      legalBasis,
      reason,
      partnerId: partner?.id ?? '',
      categories,
      channel,
      informCaller,
      noInformReason: informCaller ? '' : noInformReason,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(
      { caseId, body: parsed.data },
      {
        onSuccess: () => {
          setRequestId(newRequestId());
          onDone();
        },
        onError: (error) => setErrors(apiFieldErrors(error)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('emergency.formLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <Radio.Group
          label={t('emergency.ground')}
          value={ground}
          onChange={(value) => setGround(value as Ground)}
          error={errors.ground ? t('sharing.chooseOne') : undefined}
          withAsterisk
        >
          <Stack gap="xs" mt={6}>
            {grounds.map((value) => (
              <Radio key={value} value={value} label={t(`emergency.grounds.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          label={t('emergency.legalBasis')}
          value={legalBasis}
          onChange={(value) => setLegalBasis(value as LegalBasis)}
          error={errors.legalBasis ? t('sharing.chooseOne') : undefined}
          withAsterisk
        >
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
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason ? t('emergency.reasonTooShort') : undefined}
          maxLength={4000}
          autosize
          minRows={3}
          withAsterisk
          dir="auto"
        />
        <PartnerPicker
          label={t('emergency.partner')}
          value={partner?.id ?? ''}
          onChange={setPartner}
          error={errors.partnerId ? t('fieldErrors.required') : undefined}
        />
        <CategoryCheckboxes
          label={t('emergency.categories')}
          description={t('emergency.categoriesHint')}
          value={categories}
          onChange={setCategories}
          error={errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        <NativeSelect
          label={t('emergency.channel')}
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value as DisclosureChannel)}
          data={DISCLOSURE_CHANNELS.map((value) => ({ value, label: t(`disclosureChannels.${value}`) }))}
        />
        <Checkbox
          label={t('emergency.informCaller')}
          description={t('emergency.informCallerHint')}
          checked={informCaller}
          onChange={(event) => setInformCaller(event.currentTarget.checked)}
        />
        {!informCaller ? (
          <Textarea
            label={t('emergency.noInformReason')}
            description={t('emergency.noInformHint')}
            value={noInformReason}
            onChange={(event) => setNoInformReason(event.currentTarget.value)}
            error={errors.noInformReason ? t('emergency.noInformTooShort') : undefined}
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
