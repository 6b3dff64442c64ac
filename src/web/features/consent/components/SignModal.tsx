import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentSignSchema } from '../../../../shared/consent.schema';
import type { Consent } from '../../../../shared/consent.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { FieldProblem } from '../../../components/fieldPaths';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useConsentMutations } from '../hooks';
import { ScopeText } from './ScopeText';
import { SignatureFields } from './SignatureFields';

type SignMethod = 'signature_drawn' | 'signature_typed';
const SIGN_METHODS = ['signature_drawn', 'signature_typed'] as const;

interface SignValues extends Record<string, unknown> {
  method: SignMethod;
  typedName: string;
  typedPresent: string;
  drawnSignature: string | null;
}

const BLANK: SignValues = {
  method: 'signature_drawn',
  typedName: '',
  typedPresent: '',
  drawnSignature: null,
};
const required: FieldProblem = { reason: 'required', message: 'required' };

/** What the chosen method asks for (the schema leaves it to the form). */
function signCheck(values: SignValues): Record<string, FieldProblem> {
  const found: Record<string, FieldProblem> = {};
  if (values.method === 'signature_typed' && !values.typedName.trim()) found.typedName = required;
  if (values.method === 'signature_typed' && !values.typedPresent.trim()) found.typedPresent = required;
  if (values.method === 'signature_drawn' && !values.drawnSignature)
    found.drawnSignature = { reason: 'signature_missing', message: 'signature_missing' };
  return found;
}

/** Makes a pending (verbal, or form not yet uploaded) consent written with a signature on this screen. */
export function SignModal({
  caseId,
  consent,
  onClose,
}: {
  caseId: string;
  consent: Consent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { sign } = useConsentMutations(caseId);
  // The scope exactly as shown on this screen: kept, with its hash, as evidence of a typed signature.
  const scopeRef = useRef<HTMLDivElement>(null);
  const { form, onSubmit, showServerErrors, errorOf } = useSchemaForm({
    initialValues: BLANK,
    schema: ConsentSignSchema,
    toInput: (values) =>
      values.method === 'signature_typed'
        ? {
            method: values.method,
            typedName: values.typedName.trim(),
            typedEvidence: {
              present: values.typedPresent.trim(),
              shownText: scopeRef.current?.innerText ?? '',
            },
          }
        : { method: values.method, drawnSignature: values.drawnSignature ?? undefined },
    renames: { typedEvidence: 'typedPresent' },
    check: signCheck,
  });
  const values = form.values;

  const submit = onSubmit((body) =>
    sign.mutate({ consentId: consent.id, body }, { onSuccess: onClose, onError: showServerErrors }),
  );

  return (
    <Modal opened onClose={onClose} title={t('consent.signTitle')} size="lg" centered>
      <Stack>
        <div ref={scopeRef}>
          <ScopeText
            framed
            language={consent.language}
            who={consent.givenBy}
            categories={consent.categories}
            partnerName={consent.partner?.name ?? null}
            partnerType={consent.partnerType}
            purpose={consent.purpose}
            purposeNote={consent.purposeNote}
            from={consent.givenOn}
            until={consent.validUntil}
          />
        </div>
        <Radio.Group
          label={t('consent.method')}
          value={values.method}
          onChange={(value) => {
            const method = SIGN_METHODS.find((known) => known === value);
            // A new pad starts blank: forget a signature drawn on the old one.
            if (method) form.setValues({ method, drawnSignature: null });
          }}
        >
          <Stack gap="xs" mt={6}>
            {SIGN_METHODS.map((value) => (
              <Radio key={value} value={value} label={t(`consentMethods.${value}.label`)} />
            ))}
          </Stack>
        </Radio.Group>
        <SignatureFields
          method={values.method}
          typedName={values.typedName}
          onTypedName={(value) => form.setFieldValue('typedName', value)}
          typedPresent={values.typedPresent}
          onTypedPresent={(value) => form.setFieldValue('typedPresent', value)}
          onDrawn={(png) => form.setFieldValue('drawnSignature', png)}
          errorOf={errorOf}
        />
        <ErrorAlert error={sign.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={sign.isPending} onClick={() => submit()}>
            {t('consent.signSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
