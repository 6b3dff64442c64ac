import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS } from '../../../../shared/cases.schema';
import type { SupportLevel } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { todayIso } from '../../../components/format';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import type { ClosingState } from './CaseHeader';

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
  const [closureId, setClosureId] = useState('');
  const [municipality, setMunicipality] = useState(props.municipality);
  const [on, setOn] = useState(todayIso());
  const [level, setLevel] = useState<string>(props.supportLevel ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const handover = taxonomy.term(closureId)?.code === 'handover_municipality';
  const needsLevel = props.to === 'aftercare' && !props.supportLevel;
  const shown = { ...apiFieldErrors(props.error), ...errors };
  const required = { reason: 'required', message: '' };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!closureId) found.closureId = required;
    if (handover && !municipality.trim()) found.handoverMunicipality = required;
    if (handover && !on) found.handoverOn = required;
    if (needsLevel && !level) found.supportLevel = required;
    setErrors(found);
    if (Object.keys(found).length) return;
    props.onSubmit({
      closureId,
      ...(handover ? { handoverMunicipality: municipality.trim(), handoverOn: on } : {}),
      ...(needsLevel ? { supportLevel: level as SupportLevel } : {}),
    });
  }

  return (
    <Modal opened onClose={props.onClose} title={t(`transitions.title.${props.to}`)} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(`transitions.body.${props.to}`)}</Text>
          <ErrorAlert error={props.error} />
          <NativeSelect
            label={t('transitions.closure')}
            value={closureId}
            onChange={(event) => setClosureId(event.currentTarget.value)}
            data={[{ value: '', label: t('transitions.chooseClosure') }, ...taxonomy.options('closure')]}
            error={fieldErrorText(t, shown.closureId)}
            required
            data-autofocus
          />
          {handover ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={t('transitions.handoverMunicipality')}
                value={municipality}
                onChange={(event) => setMunicipality(event.currentTarget.value)}
                error={fieldErrorText(t, shown.handoverMunicipality)}
                maxLength={80}
                required
              />
              <TextInput
                label={t('transitions.handoverOn')}
                type="date"
                value={on}
                onChange={(event) => setOn(event.currentTarget.value)}
                error={fieldErrorText(t, shown.handoverOn)}
                required
              />
            </SimpleGrid>
          ) : null}
          {needsLevel || shown.supportLevel ? (
            <NativeSelect
              label={t('case.supportLevel')}
              description={t('case.supportLevelHint')}
              value={level}
              onChange={(event) => setLevel(event.currentTarget.value)}
              data={[
                { value: '', label: t('case.chooseSupportLevel') },
                ...SUPPORT_LEVELS.map((value) => ({ value, label: t(`supportLevels.${value}`) })),
              ]}
              error={fieldErrorText(t, shown.supportLevel)}
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
