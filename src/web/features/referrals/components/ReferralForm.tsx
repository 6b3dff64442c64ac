import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_PURPOSES } from '../../../../shared/consent.schema';
import { ReferralCreateSchema } from '../../../../shared/referrals.schema';
import type { Consent, ConsentPurpose, DataCategory } from '../../../../shared/consent.schema';
import type { Referral } from '../../../../shared/referrals.schema';
import type { Partner } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { formatDay, newRequestId } from '../../../components/format';
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
  const [partner, setPartner] = useState<Pick<Partner, 'id' | 'type'> | null>(fromConsent?.partner ?? null);
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>(fromConsent?.purpose ?? '');
  const [categories, setCategories] = useState<DataCategory[]>(fromConsent?.categories ?? []);
  const [note, setNote] = useState('');
  const [from, setFrom] = useState<Consent | null>(fromConsent ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Preselect from the newest active consent that names this partner (or its type) and purpose. */
  function preselect(nextPartner: Pick<Partner, 'id' | 'type'> | null, nextPurpose: ConsentPurpose | '') {
    const match = nextPartner ? consentsFor(consents, nextPartner, nextPurpose || undefined)[0] : undefined;
    setFrom(match ?? null);
    if (!match) return;
    if (!nextPurpose) setPurpose(match.purpose);
    setCategories(match.categories);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ReferralCreateSchema.safeParse({
      requestId,
      partnerId: partner?.id ?? '',
      purpose,
      categories,
      note,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (referral) => {
        setRequestId(newRequestId());
        onDone(referral);
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  }

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
            setPartner(next);
            preselect(next, purpose);
          }}
          error={errors.partnerId ? t('fieldErrors.required') : undefined}
        />
        <NativeSelect
          label={t('referrals.purpose')}
          value={purpose}
          onChange={(event) => {
            const next = event.currentTarget.value as ConsentPurpose | '';
            setPurpose(next);
            preselect(partner, next);
          }}
          data={[
            { value: '', label: t('sharing.choosePurpose') },
            ...CONSENT_PURPOSES.map((value) => ({ value, label: t(`consentPurposes.${value}.label`) })),
          ]}
          error={errors.purpose ? t('sharing.purposeRequired') : undefined}
          withAsterisk
        />
        <CategoryCheckboxes
          label={t('referrals.categories')}
          description={
            from
              ? t('referrals.preselected', { date: formatDay(from.givenOn, currentLanguage()) })
              : undefined
          }
          value={categories}
          onChange={setCategories}
          error={errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        {noConsent ? (
          <Alert color="orange" variant="light" title={t('referrals.noConsentTitle')}>
            {t('referrals.noConsentBody')}
          </Alert>
        ) : null}
        <Textarea
          label={t('referrals.note')}
          description={t('referrals.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldErrorText(t, errors.note)}
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
