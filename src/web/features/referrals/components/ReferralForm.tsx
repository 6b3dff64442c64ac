import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '../../../../shared/consent.schema';
import { ReferralCreateSchema } from '../../../../shared/referrals.schema';
import type { Consent, ConsentPurpose, DataCategory } from '../../../../shared/consent.schema';
import type { Referral } from '../../../../shared/referrals.schema';
import type { Partner } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, newRequestId } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { CategoryCheckboxes } from '../../consent/components/CategoryCheckboxes';
import { PartnerPicker } from '../../consent/components/PartnerPicker';
import { consentsFor } from '../../consent/labels';
import { useReferralMutations } from '../hooks';

interface ReferralFormProps {
  caseId: string;
  consents: Consent[];
  /** A consent just recorded or picked ("refer with this consent"): partner, purpose and categories from it. */
  fromConsent?: Consent | null;
  onDone: (referral: Referral) => void;
  onCancel: () => void;
}

/**
 * Proposing a referral: partner, purpose, what to share and a note. The categories an active consent allows
 * for that partner and purpose are ticked for you; the server decides later whether it may be sent.
 */
export function ReferralForm({ caseId, consents, fromConsent, onDone, onCancel }: ReferralFormProps) {
  const { t } = useTranslation();
  const { create } = useReferralMutations(caseId);
  const [requestId, setRequestId] = useState(newRequestId);
  const initialPartner: Pick<Partner, 'id' | 'type'> | null = fromConsent?.partner ?? null;
  const initialPurpose: ConsentPurpose | '' = fromConsent?.purpose ?? '';
  const initialCategories: DataCategory[] = fromConsent?.categories ?? [];
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      partner: initialPartner,
      purpose: initialPurpose,
      categories: initialCategories,
      note: '',
    },
    schema: ReferralCreateSchema,
    toInput: (values) => ({
      requestId,
      partnerId: values.partner?.id ?? '',
      purpose: values.purpose,
      categories: values.categories,
      note: values.note,
    }),
    renames: { partnerId: 'partner' },
  });
  const { partner, purpose } = form.values;
  const [from, setFrom] = useState<Consent | null>(fromConsent ?? null);

  /** Preselect from the newest active consent that names this partner (or its type) and purpose. */
  function preselect(nextPartner: Pick<Partner, 'id' | 'type'> | null, nextPurpose: ConsentPurpose | '') {
    const match = nextPartner ? consentsFor(consents, nextPartner, nextPurpose || undefined)[0] : undefined;
    setFrom(match ?? null);
    if (!match) return;
    if (!nextPurpose) form.setFieldValue('purpose', match.purpose);
    form.setFieldValue('categories', match.categories);
  }

  const submit = onSubmit((data) =>
    create.mutate(data, {
      onSuccess: (referral) => {
        setRequestId(newRequestId());
        onDone(referral);
      },
      onError: showServerErrors,
    }),
  );

  const noConsent = partner && purpose && !from && consentsFor(consents, partner, purpose).length === 0;
  return (
    <form onSubmit={submit} noValidate aria-label={t('referrals.formLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        {fromConsent ? (
          <Alert color="blue" variant="light" role="status" title={t('handoff.prefilledTitle')}>
            {t('handoff.prefilledBody', { date: formatDay(fromConsent.givenOn, currentLanguage()) })}
          </Alert>
        ) : null}
        <PartnerPicker
          label={t('referrals.partner')}
          description={
            fromConsent && !fromConsent.partner && fromConsent.partnerType
              ? t('handoff.pickOfType', { type: t(`partners.types.${fromConsent.partnerType}`) })
              : undefined
          }
          value={partner?.id ?? ''}
          onChange={(next) => {
            form.setFieldValue('partner', next);
            preselect(next, purpose);
          }}
          error={form.errors.partner ? t('fieldErrors.required') : undefined}
        />
        <NativeSelect
          label={t('referrals.purpose')}
          value={purpose}
          onChange={(event) => {
            const next = CONSENT_PURPOSES.find((known) => known === event.currentTarget.value) ?? '';
            form.setFieldValue('purpose', next);
            preselect(partner, next);
          }}
          data={[
            { value: '', label: t('sharing.choosePurpose') },
            ...CONSENT_PURPOSES.map((value) => ({ value, label: t(`consentPurposes.${value}.label`) })),
          ]}
          error={form.errors.purpose ? t('sharing.purposeRequired') : undefined}
          withAsterisk
        />
        <CategoryCheckboxes
          label={t('referrals.categories')}
          description={
            from
              ? t('referrals.preselected', { date: formatDay(from.givenOn, currentLanguage()) })
              : undefined
          }
          value={form.values.categories}
          onChange={(categories) => form.setFieldValue('categories', categories)}
          error={form.errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        {noConsent ? (
          <Alert color="orange" variant="light" title={t('referrals.noConsentTitle')}>
            {t('referrals.noConsentBody')}
          </Alert>
        ) : null}
        <Textarea
          label={t('referrals.note')}
          description={t('referrals.noteHint')}
          {...form.getInputProps('note')}
          maxLength={2000}
          autosize
          minRows={2}
          dir="auto"
        />
        <Text size="xs" c="dimmed">
          {t('referrals.proposeHint')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {fromConsent ? t('handoff.saveAndReview') : t('referrals.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
