import { Button, FileButton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DOCUMENT_ACCEPT, documentProblem, fileToBase64 } from '../document';
import { useConsentMutations } from '../hooks';

/** Upload (or replace) the signed consent form: PDF, JPEG or PNG up to 5 MB, checked here before sending. */
export function UploadDocumentButton({
  caseId,
  consentId,
  replace,
}: {
  caseId: string;
  consentId: string;
  replace: boolean;
}) {
  const { t } = useTranslation();
  const { upload } = useConsentMutations(caseId);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function choose(file: File | null) {
    upload.reset();
    if (!file) return;
    const found = documentProblem(file);
    setProblem(found ? t(`fieldErrors.${found}`) : null);
    if (found) return;
    setReading(true);
    try {
      const data = await fileToBase64(file);
      upload.mutate({ consentId, fileName: file.name, data });
    } finally {
      setReading(false);
    }
  }

  return (
    <Stack gap={4}>
      <FileButton onChange={(file) => void choose(file)} accept={DOCUMENT_ACCEPT}>
        {(props) => (
          <Button {...props} size="xs" variant="default" loading={reading || upload.isPending}>
            {replace ? t('consentDocument.replace') : t('consentDocument.upload')}
          </Button>
        )}
      </FileButton>
      {problem ? (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      ) : null}
      <ErrorAlert error={upload.error} />
    </Stack>
  );
}
