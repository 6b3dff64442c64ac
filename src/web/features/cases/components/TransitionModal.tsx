import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS, TransitionSchema } from '../../../../shared/cases.schema';
import type { SupportLevel } from '../../../../shared/cases.schema';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { serverFieldErrors } from '../../../components/fieldPaths';
import type { FieldProblem } from '../../../components/fieldPaths';
import { fieldErrorText } from '../../../components/formErrors';
import { todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import type { ClosingState } from './CaseHeader';

const REQUIRED: FieldProblem = { reason: 'required', message: 'Required' };

export interface ClosingInput {
  closureId: string;
  handoverMunicipality?: string;
  handoverOn?: string;
  supportLevel?: SupportLevel;
}

interface TransitionModalProps {
  to: ClosingState;
  supportLevel: SupportLevel | null;
  municipality: string;
  loading: boolean;
  error: unknown;
  onSubmit: (input: ClosingInput) => void;
  onClose: () => void;
}

/**
 * Closing a case: the closure code, the municipality and date for a hand-over, and — when moving to
 * aftercare without one — the support level, which decides how often aftercare checks in.
 */
export function TransitionModal(props: TransitionModalProps) {
  useReturnFocusOnUnmount();
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const needsLevel = props.to === 'aftercare' && !props.supportLevel;
  const isHandover = (closureId: string) => taxonomy.term(closureId)?.code === 'handover_municipality';
  const { form, onSubmit } = useSchemaForm({
    initialValues: {
      closureId: '',
      handoverMunicipality: props.municipality,
      handoverOn: todayIso(),
      supportLevel: props.supportLevel ?? '',
    },
    schema: TransitionSchema,
    toInput: (values) => ({
      to: props.to,
      closureId: values.closureId || undefined,
      ...(isHandover(values.closureId)
        ? {
            handoverMunicipality: values.handoverMunicipality.trim(),
            handoverOn: values.handoverOn || undefined,
          }
        : {}),
    }),
    // What this closing needs besides what the schema checks (which leaves every field optional).
    check: (values) => {
      const found: Record<string, FieldProblem> = {};
      if (!values.closureId) found.closureId = REQUIRED;
      if (isHandover(values.closureId) && !values.handoverMunicipality.trim())
        found.handoverMunicipality = REQUIRED;
      if (isHandover(values.closureId) && !values.handoverOn) found.handoverOn = REQUIRED;
      if (needsLevel && !values.supportLevel) found.supportLevel = REQUIRED;
      return found;
    },
  });
  const handover = isHandover(form.values.closureId);
  // The save belongs to the page: its refusal arrives as `error`, not through this form's submit.
  const refused = serverFieldErrors(isApiError(props.error) ? props.error.fieldErrors : [], form.values);
  const shown = (path: 'closureId' | 'handoverMunicipality' | 'handoverOn' | 'supportLevel') =>
    form.errors[path] ?? fieldErrorText(t, refused[path]);
  const level = SUPPORT_LEVELS.find((known) => known === form.values.supportLevel);

  const submit = onSubmit((data) =>
    props.onSubmit({
      closureId: data.closureId ?? '',
      ...(handover ? { handoverMunicipality: data.handoverMunicipality, handoverOn: data.handoverOn } : {}),
      ...(needsLevel && level ? { supportLevel: level } : {}),
    }),
  );

  return (
    <Modal opened onClose={props.onClose} title={t(`transitions.title.${props.to}`)} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(`transitions.body.${props.to}`)}</Text>
          <ErrorAlert error={props.error} />
          <NativeSelect
            label={t('transitions.closure')}
            {...form.getInputProps('closureId')}
            data={[{ value: '', label: t('transitions.chooseClosure') }, ...taxonomy.options('closure')]}
            error={shown('closureId')}
            required
            data-autofocus
          />
          {handover ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('transitions.handoverMunicipality')}
                {...form.getInputProps('handoverMunicipality')}
                error={shown('handoverMunicipality')}
                maxLength={80}
                required
              />
              <TextInput
                label={t('transitions.handoverOn')}
                type="date"
                {...form.getInputProps('handoverOn')}
                error={shown('handoverOn')}
                required
              />
            </SimpleGrid>
          ) : null}
          {needsLevel || shown('supportLevel') ? (
            <NativeSelect
              label={t('case.supportLevel')}
              description={t('case.supportLevelHint')}
              {...form.getInputProps('supportLevel')}
              data={[
                { value: '', label: t('case.chooseSupportLevel') },
                ...SUPPORT_LEVELS.map((value) => ({ value, label: t(`supportLevels.${value}`) })),
              ]}
              error={shown('supportLevel')}
              required
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.loading}>
              {t(`transitions.to.${props.to}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
