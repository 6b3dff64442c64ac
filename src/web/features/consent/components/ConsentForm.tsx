import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { CONSENT_PURPOSES, ConsentCreateSchema, FORM_LANGUAGES } from '../../../../shared/consent.schema';
import type {
  Consent,
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  FormLanguage,
} from '../../../../shared/consent.schema';
import { PARTNER_TYPES } from '../../../../shared/partners.schema';
import type { Partner, PartnerType } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { newRequestId, todayIso } from '../../../components/format';
import { LANGUAGE_NAMES } from '../../../i18n';
import { documentProblem, fileToBase64 } from '../document';
import { useConsentMutations } from '../hooks';
import { formLanguageFor, isFormLanguage } from '../labels';
import { CategoryCheckboxes } from './CategoryCheckboxes';
import { PartnerPicker } from './PartnerPicker';
import { ScopeText } from './ScopeText';
import { SignatureFields } from './SignatureFields';

type RecipientKind = 'partner' | 'type';

interface ConsentFormProps {
  detail: CaseDetail;
  /** After saving; `uploadError` when the consent was saved but its signed form could not be uploaded. */
  onDone: (consent: Consent, uploadError: unknown) => void;
  onCancel: () => void;
}

/** Signing on the screen first: it is what a counsellor at a kitchen table does most. */
const METHOD_ORDER: readonly ConsentMethod[] = [
  'signature_drawn',
  'signature_typed',
  'uploaded_form',
  'verbal',
];

const problem = (reason: string): FieldErrors[string] => ({ reason, message: reason });

/**
 * Recording consent, quick on a phone: who, what, with whom, for what, how, when — then the exact scope
 * shown before the caller signs.
 */
export function ConsentForm({ detail, onDone, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const { create, upload } = useConsentMutations(detail.id);
  // Kept until saved: a retry after a lost answer records one consent, not two.
  const [requestId, setRequestId] = useState(newRequestId);
  const [givenBy, setGivenBy] = useState(detail.caller.alias);
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [recipientKind, setRecipientKind] = useState<RecipientKind>('partner');
  const [partner, setPartner] = useState<Partner | null>(null);
  const [partnerType, setPartnerType] = useState<PartnerType | ''>('');
  const [purpose, setPurpose] = useState<ConsentPurpose | ''>('');
  const [purposeNote, setPurposeNote] = useState('');
  const [method, setMethod] = useState<ConsentMethod>('signature_drawn');
  const [givenOn, setGivenOn] = useState(todayIso);
  const [validUntil, setValidUntil] = useState('');
  const [language, setLanguage] = useState<FormLanguage>(() => formLanguageFor(detail.caller.language));
  const [typedName, setTypedName] = useState('');
  const [typedPresent, setTypedPresent] = useState('');
  // The scope exactly as shown on this screen: kept, with its hash, as evidence of a typed signature.
  const scopeRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const error = (key: string) => fieldErrorText(t, errors[key]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      requestId,
      givenBy,
      categories,
      partnerId: recipientKind === 'partner' ? (partner?.id ?? null) : null,
      partnerType: recipientKind === 'type' ? partnerType || null : null,
      purpose,
      purposeNote,
      method,
      givenOn,
      validUntil: validUntil || undefined,
      language,
      typedName: method === 'signature_typed' ? typedName : undefined,
      typedEvidence:
        method === 'signature_typed'
          ? { present: typedPresent, shownText: scopeRef.current?.innerText ?? '' }
          : undefined,
      drawnSignature: method === 'signature_drawn' ? (drawn ?? undefined) : undefined,
    };
    const parsed = ConsentCreateSchema.safeParse(body);
    const found: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (recipientKind === 'partner' && !partner) found.partnerId = problem('required');
    if (recipientKind === 'type' && !partnerType) found.partnerType = problem('required');
    if (method === 'signature_typed' && !typedName.trim()) found.typedName = problem('required');
    if (method === 'signature_drawn' && !drawn) found.drawnSignature = problem('signature_missing');
    if (validUntil && givenOn && validUntil < givenOn) found.validUntil = problem('until_before_given');
    const fileProblem = method === 'uploaded_form' && file ? documentProblem(file) : null;
    if (fileProblem) found.document = problem(fileProblem);
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) return;

    setSaving(true);
    try {
      const consent = await create.mutateAsync(parsed.data);
      setRequestId(newRequestId());
      let uploadError: unknown = null;
      if (method === 'uploaded_form' && file) {
        try {
          await upload.mutateAsync({
            consentId: consent.id,
            fileName: file.name,
            data: await fileToBase64(file),
          });
        } catch (caught) {
          uploadError = caught;
        }
      }
      onDone(consent, uploadError);
    } catch (caught) {
      setErrors(apiFieldErrors(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('consent.formLabel')}>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('consent.givenBy')}
          description={t('consent.givenByHint')}
          value={givenBy}
          onChange={(event) => setGivenBy(event.currentTarget.value)}
          error={error('givenBy')}
          maxLength={160}
          withAsterisk
          dir="auto"
        />
        <CategoryCheckboxes
          label={t('consent.categories')}
          value={categories}
          onChange={setCategories}
          error={errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        <Stack gap={6}>
          <Radio.Group
            label={t('consent.recipient')}
            value={recipientKind}
            onChange={(value) => setRecipientKind(value as RecipientKind)}
            withAsterisk
          >
            <Group gap="lg" mt={6}>
              <Radio value="partner" label={t('consent.recipientPartner')} />
              <Radio value="type" label={t('consent.recipientType')} />
            </Group>
          </Radio.Group>
          {recipientKind === 'partner' ? (
            <PartnerPicker
              label={t('consent.partner')}
              value={partner?.id ?? ''}
              onChange={setPartner}
              error={error('partnerId')}
            />
          ) : (
            <NativeSelect
              label={t('consent.partnerType')}
              value={partnerType}
              onChange={(event) => setPartnerType(event.currentTarget.value as PartnerType | '')}
              data={[
                { value: '', label: t('partners.chooseType') },
                ...PARTNER_TYPES.map((type) => ({ value: type, label: t(`partners.types.${type}`) })),
              ]}
              error={error('partnerType')}
              withAsterisk
            />
          )}
        </Stack>
        <Radio.Group
          label={t('consent.purpose')}
          value={purpose}
          onChange={(value) => setPurpose(value as ConsentPurpose)}
          error={errors.purpose ? t('sharing.purposeRequired') : undefined}
          withAsterisk
        >
          <Stack gap="xs" mt={6}>
            {CONSENT_PURPOSES.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`consentPurposes.${value}.label`)}
                description={t(`consentPurposes.${value}.hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label={t('consent.purposeNote')}
          value={purposeNote}
          onChange={(event) => setPurposeNote(event.currentTarget.value)}
          maxLength={500}
          dir="auto"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('consent.givenOn')}
            type="date"
            value={givenOn}
            onChange={(event) => setGivenOn(event.currentTarget.value)}
            error={error('givenOn')}
            withAsterisk
          />
          <TextInput
            label={t('consent.validUntil')}
            description={t('consent.validUntilHint')}
            type="date"
            value={validUntil}
            min={givenOn || undefined}
            onChange={(event) => setValidUntil(event.currentTarget.value)}
            error={error('validUntil')}
          />
          <NativeSelect
            label={t('consent.language')}
            description={t('consent.languageHint')}
            value={language}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isFormLanguage(next)) setLanguage(next);
            }}
            data={FORM_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('consent.method')}
          value={method}
          onChange={(value) => {
            setMethod(value as ConsentMethod);
            // A new pad starts blank: forget a signature drawn on the old one.
            setDrawn(null);
          }}
          withAsterisk
        >
          <Stack gap="xs" mt={6}>
            {METHOD_ORDER.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`consentMethods.${value}.label`)}
                description={t(`consentMethods.${value}.hint`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <div ref={scopeRef}>
          <ScopeText
            framed
            language={language}
            who={givenBy}
            categories={categories}
            partnerName={recipientKind === 'partner' ? (partner?.name ?? null) : null}
            partnerType={recipientKind === 'type' ? partnerType || null : null}
            purpose={purpose}
            purposeNote={purposeNote}
            from={givenOn}
            until={validUntil || null}
          />
        </div>
        <SignatureFields
          method={method}
          typedName={typedName}
          onTypedName={setTypedName}
          typedPresent={typedPresent}
          onTypedPresent={setTypedPresent}
          onDrawn={setDrawn}
          file={file}
          onFile={setFile}
          errors={errors}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('consent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
