import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { CONSENT_PURPOSES, ConsentCreateSchema, FORM_LANGUAGES } from '../../../../shared/consent.schema';
import type {
  Consent,
  ConsentCreate,
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  FormLanguage,
} from '../../../../shared/consent.schema';
import { PARTNER_TYPES } from '../../../../shared/partners.schema';
import type { Partner, PartnerType } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { FieldProblem } from '../../../components/fieldPaths';
import { newRequestId, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
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

const problem = (reason: string): FieldProblem => ({ reason, message: reason });

/** A type, not an interface: form values must be assignable to `Record<string, unknown>`. */
type ConsentValues = {
  givenBy: string;
  categories: DataCategory[];
  recipientKind: RecipientKind;
  partner: Partner | null;
  partnerType: PartnerType | '';
  purpose: ConsentPurpose | '';
  purposeNote: string;
  method: ConsentMethod;
  givenOn: string;
  validUntil: string;
  language: FormLanguage;
  typedName: string;
  typedPresent: string;
  drawnSignature: string | null;
  document: File | null;
};

/** Where the request's fields show their problems on this form. */
const CONSENT_PATHS = { partnerId: 'partner', typedEvidence: 'typedPresent' };

/** What the schema leaves to the form: the chosen recipient and signature, the dates' order, the file. */
function consentCheck(values: ConsentValues): Record<string, FieldProblem> {
  const found: Record<string, FieldProblem> = {};
  if (values.recipientKind === 'partner' && !values.partner) found.partner = problem('required');
  if (values.recipientKind === 'type' && !values.partnerType) found.partnerType = problem('required');
  if (values.method === 'signature_typed' && !values.typedName.trim()) found.typedName = problem('required');
  if (values.method === 'signature_drawn' && !values.drawnSignature)
    found.drawnSignature = problem('signature_missing');
  if (values.validUntil && values.givenOn && values.validUntil < values.givenOn)
    found.validUntil = problem('until_before_given');
  const fileProblem =
    values.method === 'uploaded_form' && values.document ? documentProblem(values.document) : null;
  if (fileProblem) found.document = problem(fileProblem);
  return found;
}

/**
 * Recording consent, quick on a phone: who, what, with whom, for what, how, when — then the exact scope
 * shown before the caller signs.
 */
export function ConsentForm({ detail, onDone, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const { create, upload } = useConsentMutations(detail.id);
  // Kept until saved: a retry after a lost answer records one consent, not two.
  const [requestId, setRequestId] = useState(newRequestId);
  // The scope exactly as shown on this screen: kept, with its hash, as evidence of a typed signature.
  const scopeRef = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const { form, onSubmit, showServerErrors, errorOf } = useSchemaForm<ConsentValues, ConsentCreate>({
    initialValues: {
      givenBy: detail.caller.alias,
      categories: [],
      recipientKind: 'partner',
      partner: null,
      partnerType: '',
      purpose: '',
      purposeNote: '',
      method: 'signature_drawn',
      givenOn: todayIso(),
      validUntil: '',
      language: formLanguageFor(detail.caller.language),
      typedName: '',
      typedPresent: '',
      drawnSignature: null,
      document: null,
    },
    schema: ConsentCreateSchema,
    toInput: (values) => ({
      requestId,
      givenBy: values.givenBy,
      categories: values.categories,
      partnerId: values.recipientKind === 'partner' ? (values.partner?.id ?? null) : null,
      partnerType: values.recipientKind === 'type' ? values.partnerType || null : null,
      purpose: values.purpose,
      purposeNote: values.purposeNote,
      method: values.method,
      givenOn: values.givenOn,
      validUntil: values.validUntil || undefined,
      language: values.language,
      typedName: values.method === 'signature_typed' ? values.typedName : undefined,
      typedEvidence:
        values.method === 'signature_typed'
          ? { present: values.typedPresent, shownText: scopeRef.current?.innerText ?? '' }
          : undefined,
      drawnSignature: values.method === 'signature_drawn' ? (values.drawnSignature ?? undefined) : undefined,
    }),
    renames: CONSENT_PATHS,
    check: consentCheck,
  });
  const values = form.values;

  async function save(data: ConsentCreate) {
    const { method, document } = form.getValues();
    const file = method === 'uploaded_form' ? document : null;
    setSaving(true);
    try {
      const consent = await create.mutateAsync(data);
      setRequestId(newRequestId());
      let uploadError: unknown = null;
      if (file) {
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
      showServerErrors(caught);
    } finally {
      setSaving(false);
    }
  }

  const submit = onSubmit((data) => void save(data));

  return (
    <form onSubmit={submit} noValidate aria-label={t('consent.formLabel')}>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('consent.givenBy')}
          description={t('consent.givenByHint')}
          {...form.getInputProps('givenBy')}
          maxLength={160}
          withAsterisk
          dir="auto"
        />
        <CategoryCheckboxes
          label={t('consent.categories')}
          value={values.categories}
          onChange={(categories) => form.setFieldValue('categories', categories)}
          error={form.errors.categories ? t('sharing.categoriesRequired') : undefined}
        />
        <Stack gap={6}>
          <Radio.Group label={t('consent.recipient')} {...form.getInputProps('recipientKind')} withAsterisk>
            <Group gap="lg" mt={6}>
              <Radio value="partner" label={t('consent.recipientPartner')} />
              <Radio value="type" label={t('consent.recipientType')} />
            </Group>
          </Radio.Group>
          {values.recipientKind === 'partner' ? (
            <PartnerPicker
              label={t('consent.partner')}
              value={values.partner?.id ?? ''}
              onChange={(partner) => form.setFieldValue('partner', partner)}
              error={errorOf('partner')}
            />
          ) : (
            <NativeSelect
              label={t('consent.partnerType')}
              {...form.getInputProps('partnerType')}
              data={[
                { value: '', label: t('partners.chooseType') },
                ...PARTNER_TYPES.map((type) => ({ value: type, label: t(`partners.types.${type}`) })),
              ]}
              withAsterisk
            />
          )}
        </Stack>
        <Radio.Group
          label={t('consent.purpose')}
          {...form.getInputProps('purpose')}
          error={form.errors.purpose ? t('sharing.purposeRequired') : undefined}
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
          {...form.getInputProps('purposeNote')}
          maxLength={500}
          dir="auto"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('consent.givenOn')}
            type="date"
            {...form.getInputProps('givenOn')}
            withAsterisk
          />
          <TextInput
            label={t('consent.validUntil')}
            description={t('consent.validUntilHint')}
            type="date"
            {...form.getInputProps('validUntil')}
            min={values.givenOn || undefined}
          />
          <NativeSelect
            label={t('consent.language')}
            description={t('consent.languageHint')}
            value={values.language}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isFormLanguage(next)) form.setFieldValue('language', next);
            }}
            data={FORM_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('consent.method')}
          value={values.method}
          onChange={(value) => {
            const method = METHOD_ORDER.find((known) => known === value);
            // A new pad starts blank: forget a signature drawn on the old one.
            if (method) form.setValues({ method, drawnSignature: null });
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
            language={values.language}
            who={values.givenBy}
            categories={values.categories}
            partnerName={values.recipientKind === 'partner' ? (values.partner?.name ?? null) : null}
            partnerType={values.recipientKind === 'type' ? values.partnerType || null : null}
            purpose={values.purpose}
            purposeNote={values.purposeNote}
            from={values.givenOn}
            until={values.validUntil || null}
          />
        </div>
        <SignatureFields
          method={values.method}
          typedName={values.typedName}
          onTypedName={(value) => form.setFieldValue('typedName', value)}
          typedPresent={values.typedPresent}
          onTypedPresent={(value) => form.setFieldValue('typedPresent', value)}
          onDrawn={(png) => form.setFieldValue('drawnSignature', png)}
          file={values.document}
          onFile={(file) => form.setFieldValue('document', file)}
          errorOf={errorOf}
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
