import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { useConsentMutations } from '../hooks';
import { ScopeText } from './ScopeText';
import { SignatureFields } from './SignatureFields';

type SignMethod = 'signature_drawn' | 'signature_typed';

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
  const [method, setMethod] = useState<SignMethod>('signature_drawn');
  const [typedName, setTypedName] = useState('');
  const [typedPresent, setTypedPresent] = useState('');
  // The scope exactly as shown on this screen: kept, with its hash, as evidence of a typed signature.
  const scopeRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit() {
    const found: FieldErrors = {};
    if (method === 'signature_typed' && !typedName.trim())
      found.typedName = { reason: 'required', message: 'required' };
    if (method === 'signature_typed' && !typedPresent.trim())
      found['typedEvidence.present'] = { reason: 'required', message: 'required' };
    if (method === 'signature_drawn' && !drawn)
      found.drawnSignature = { reason: 'signature_missing', message: 'signature_missing' };
    setErrors(found);
    if (Object.keys(found).length) return;
    sign.mutate(
      {
        consentId: consent.id,
        body:
          method === 'signature_typed'
            ? {
                method,
                typedName: typedName.trim(),
                typedEvidence: { present: typedPresent.trim(), shownText: scopeRef.current?.innerText ?? '' },
              }
            : { method, drawnSignature: drawn ?? undefined },
      },
      { onSuccess: onClose, onError: (error) => setErrors(apiFieldErrors(error)) },
    );
  }

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
          value={method}
          onChange={(value) => {
            setMethod(value);
            setDrawn(null);
          }}
        >
          <Stack gap="xs" mt={6}>
            {(['signature_drawn', 'signature_typed'] as const).map((value) => (
              <Radio key={value} value={value} label={t(`consentMethods.${value}.label`)} />
            ))}
          </Stack>
        </Radio.Group>
        <SignatureFields
          method={method}
          typedName={typedName}
          onTypedName={setTypedName}
          typedPresent={typedPresent}
          onTypedPresent={setTypedPresent}
          onDrawn={setDrawn}
          errors={errors}
        />
        <ErrorAlert error={sign.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={sign.isPending} onClick={submit}>
            {t('consent.signSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
