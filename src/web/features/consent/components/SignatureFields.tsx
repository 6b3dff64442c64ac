import { Alert, FileInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsentMethod } from '../../../../shared/consent.schema';
import { DOCUMENT_ACCEPT } from '../document';
import { SignaturePad } from './SignaturePad';

interface SignatureFieldsProps {
  method: ConsentMethod;
  typedName: string;
  onTypedName: (value: string) => void;
  /** Who is present while the caller types their name (kept as evidence). */
  typedPresent: string;
  onTypedPresent: (value: string) => void;
  onDrawn: (png: string | null) => void;
  file?: File | null;
  onFile?: (file: File | null) => void;
  /** The error shown on a form path: `drawnSignature`, `typedPresent`, `typedName` or `document`. */
  errorOf: (path: string) => string | undefined;
  writtenDays?: string;
}

/** What the chosen method asks for: a drawn signature, a typed name, a signed form, or nothing yet. */
export function SignatureFields(props: SignatureFieldsProps) {
  const { t } = useTranslation();
  const { method, errorOf } = props;
  switch (method) {
    case 'signature_drawn':
      return <SignaturePad onChange={props.onDrawn} error={errorOf('drawnSignature')} />;
    case 'signature_typed':
      return (
        <>
          <TextInput
            label={t('typedEvidence.present')}
            description={t('typedEvidence.presentHint')}
            value={props.typedPresent}
            onChange={(event) => props.onTypedPresent(event.currentTarget.value)}
            error={errorOf('typedPresent')}
            maxLength={300}
            autoComplete="off"
            withAsterisk
            dir="auto"
          />
          <TextInput
            label={t('signature.typedName')}
            description={t('signature.typedHint')}
            value={props.typedName}
            onChange={(event) => props.onTypedName(event.currentTarget.value)}
            error={errorOf('typedName')}
            maxLength={160}
            autoComplete="off"
            withAsterisk
            dir="auto"
          />
        </>
      );
    case 'uploaded_form':
      return props.onFile ? (
        <FileInput
          label={t('consentDocument.file')}
          description={t('consentDocument.fileHint')}
          placeholder={t('consentDocument.choose')}
          value={props.file ?? null}
          onChange={props.onFile}
          accept={DOCUMENT_ACCEPT}
          clearable
          error={errorOf('document')}
        />
      ) : null;
    case 'verbal':
      return (
        <Alert color="orange" variant="light" title={t('consent.verbalTitle')}>
          {t('consent.verbalBody')}
        </Alert>
      );
  }
}
