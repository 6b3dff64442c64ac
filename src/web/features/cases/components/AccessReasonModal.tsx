import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessReasonSchema } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
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
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = AccessReasonSchema.safeParse({ reason });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    onSubmit(parsed.data.reason);
  }

  return (
    <Modal opened onClose={onCancel} title={t('caseAccess.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('caseAccess.body')}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('caseAccess.reason')}
            description={t('caseAccess.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={
              errors.reason?.reason === 'too_small'
                ? t('caseAccess.tooShort')
                : fieldErrorText(t, errors.reason)
            }
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
