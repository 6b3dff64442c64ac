import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccessReasonSchema } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

interface AccessReasonModalProps {
  loading: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** A coordinator opening a colleague's case says why first; the reason goes to the access log. */
export function AccessReasonModal({ loading, error, onSubmit, onCancel }: AccessReasonModalProps) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const form = useSchemaForm({
    initialValues: { reason: '' },
    schema: AccessReasonSchema,
    errorText: (_path, problem) => (problem.reason === 'too_small' ? t('caseAccess.tooShort') : undefined),
  });
  const submit = form.onSubmit((data) => onSubmit(data.reason));

  return (
    <Modal opened onClose={onCancel} title={t('caseAccess.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('caseAccess.body')}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('caseAccess.reason')}
            description={t('caseAccess.reasonHint')}
            {...form.form.getInputProps('reason')}
            minLength={5}
            maxLength={500}
            autosize
            minRows={2}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('caseAccess.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
