import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AssignSchema } from '../../../../shared/cases.schema';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { serverFieldErrors } from '../../../components/fieldPaths';
import { fieldErrorText } from '../../../components/formErrors';
import { useSchemaForm } from '../../../components/useSchemaForm';
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
  const { form, onSubmit } = useSchemaForm({
    initialValues: { counsellorId: currentId ?? '' },
    schema: AssignSchema,
  });
  // The save belongs to the page: its refusal arrives as `error`, not through this form's submit.
  const refused = serverFieldErrors(isApiError(error) ? error.fieldErrors : [], form.values).counsellorId;
  const submit = onSubmit((data) => onAssign(data.counsellorId));

  return (
    <Modal opened onClose={onClose} title={t('assign.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error ?? options.error} />
          <NativeSelect
            label={t('assign.counsellor')}
            {...form.getInputProps('counsellorId')}
            data={[
              { value: '', label: options.isPending ? t('common.loading') : t('assign.choose') },
              ...(options.data?.items ?? []).map((item) => ({
                value: item.id,
                label: t('assign.option', { name: item.name, n: item.activeCases }),
              })),
            ]}
            error={form.errors.counsellorId ?? fieldErrorText(t, refused)}
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
