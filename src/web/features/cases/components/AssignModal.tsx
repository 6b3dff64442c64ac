import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import { useCounsellorOptions } from '../hooks/useCases';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

interface AssignModalProps {
  currentId: string | null;
  loading: boolean;
  error: unknown;
  onAssign: (counsellorId: string) => void;
  onClose: () => void;
}

/** Pick the counsellor (with their open caseload) for a case. */
export function AssignModal({ currentId, loading, error, onAssign, onClose }: AssignModalProps) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const options = useCounsellorOptions();
  const [choice, setChoice] = useState(currentId ?? '');
  const [missing, setMissing] = useState(false);
  const fieldError = fieldErrorText(t, apiFieldErrors(error).counsellorId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) return setMissing(true);
    onAssign(choice);
  }

  return (
    <Modal opened onClose={onClose} title={t('assign.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error ?? options.error} />
          <NativeSelect
            label={t('assign.counsellor')}
            value={choice}
            onChange={(event) => {
              setChoice(event.currentTarget.value);
              setMissing(false);
            }}
            data={[
              { value: '', label: options.isPending ? t('common.loading') : t('assign.choose') },
              ...(options.data?.items ?? []).map((item) => ({
                value: item.id,
                label: t('assign.option', { name: item.name, n: item.activeCases }),
              })),
            ]}
            error={missing ? t('fieldErrors.required') : fieldError}
            required
            data-autofocus
          />
          {options.data && options.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('assign.none')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
