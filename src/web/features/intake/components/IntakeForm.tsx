import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Kbd,
  NativeSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CONVERSATION_LANGUAGES, IntakeSchema } from '../../../../shared/cases.schema';
import type { Intake } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { SourceActivitySelect } from '../../activities/components/SourceActivitySelect';
import { useMunicipalities } from '../../counsellors/hooks';
import { PreferencesFields } from '../../matching/components/PreferencesFields';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { lookupPhone } from '../api';
import type { IntakeResult } from '../api';
import { isBlank, toIntake } from '../form';
import type { IntakeValues } from '../form';
import { minutesOf, useCallTimer } from '../hooks/useCallTimer';
import type { DraftState } from '../hooks/useIntakeDrafts';
import { CallTimer } from './CallTimer';
import { KnownCallerNotice } from './KnownCallerNotice';
import { ObservationFields } from './ObservationFields';
import { RelativeFields } from './RelativeFields';

interface IntakeFormProps {
  values: IntakeValues;
  /** Takes new values, or an update of the latest ones (the timer writes while the coordinator types). */
  onChange: (values: IntakeValues | ((previous: IntakeValues) => IntakeValues)) => void;
  requestId: string;
  draftId: string;
  draftState: DraftState;
  saving: boolean;
  error: unknown;
  onSave: (intake: Intake) => Promise<IntakeResult>;
}

/**
 * The call form, built for typing while listening: logical tab order, the first field focused, radio groups
 * for channel, danger and outcome (arrow keys), a searchable category, Ctrl+Enter anywhere or Enter on the
 * last tick saves. Only what the caller is willing to give is required.
 */
export function IntakeForm(props: IntakeFormProps) {
  const { values, onChange } = props;
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const municipalities = useMunicipalities();
  const municipalityNames = (municipalities.data?.items ?? []).filter((m) => m.active).map((m) => m.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const lastRef = useRef<HTMLInputElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const lookup = useMutation({ mutationFn: lookupPhone });
  const set = <K extends keyof IntakeValues>(key: K, value: IntakeValues[K]) =>
    onChange((previous) => ({ ...previous, [key]: value }));
  const knownCases = lookup.data?.cases ?? [];
  const timer = useCallTimer();
  const timerStarted = useRef(false);
  const durationTyped = useRef(false);

  // The timer starts with the intake itself (the first thing typed), or with its button.
  useEffect(() => {
    if (timerStarted.current || isBlank(values)) return;
    timerStarted.current = true;
    timer.start();
  }, [values, timer]);

  // The timer fills the duration in whole minutes until the coordinator types a duration themselves.
  useEffect(() => {
    if (durationTyped.current || timer.seconds === 0) return;
    const minutes = String(Math.min(600, minutesOf(timer.seconds)));
    if (minutes !== values.durationMinutes)
      onChange((previous) => (durationTyped.current ? previous : { ...previous, durationMinutes: minutes }));
  }, [timer.seconds, values.durationMinutes, onChange]);

  // In an effect, not `autoFocus`: the page heading takes focus on navigation first, then this field does.
  useEffect(() => firstRef.current?.focus(), []);

  // Move the keyboard to the first field with a problem after a refused save.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid-group] input')?.focus();
  }, [errors]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (props.saving) return;
    const parsed = IntakeSchema.safeParse(
      toIntake(values, { requestId: props.requestId, draftId: props.draftId }),
    );
    const found = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (values.immediateDanger && values.outcome === 'info_only') {
      found.outcome = { reason: 'danger_needs_case', message: 'A call with immediate danger needs a case' };
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    props.onSave(parsed.data).catch((error: unknown) => setErrors(apiFieldErrors(error)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.target === lastRef.current) {
      event.preventDefault();
      submit();
    } else if (event.target instanceof HTMLInputElement) {
      // No accidental save from Enter in a field half-way down the form.
      event.preventDefault();
    }
  }

  function onPhoneBlur() {
    const phone = values.phone.trim();
    if (phone.length >= 3) lookup.mutate(phone);
    else lookup.reset();
  }

  const error = (key: string) => fieldErrorText(t, errors[key]);
  const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }));

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('intake.formLabel')}>
      <Stack gap="md" maw={760}>
        <Group justify="space-between" align="center" gap="xs">
          <Text size="sm" c="dimmed">
            {t('intake.shortcutHint')} <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd>
          </Text>
          <CallTimer
            running={timer.running}
            seconds={timer.seconds}
            onToggle={() => {
              timerStarted.current = true;
              timer.toggle();
            }}
          />
        </Group>
        <ErrorAlert error={props.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('intake.callerAlias')}
            description={t('intake.callerAliasHint')}
            value={values.callerAlias}
            onChange={(event) => set('callerAlias', event.currentTarget.value)}
            error={error('callerAlias')}
            required
            ref={firstRef}
            maxLength={120}
            autoComplete="off"
          />
          <TextInput
            label={t('intake.phone')}
            description={t('intake.phoneHint')}
            type="tel"
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            onBlur={onPhoneBlur}
            error={
              error('phone') ??
              (lookup.data && !lookup.data.valid ? t('fieldErrors.invalid_phone') : undefined)
            }
            classNames={{ input: 'ltr-text' }}
            maxLength={40}
            autoComplete="off"
          />
        </SimpleGrid>
        <KnownCallerNotice
          caller={lookup.data}
          linkedCaseId={values.outcome === 'link_case' ? values.linkCaseId : ''}
          onLink={(caseId) => onChange({ ...values, outcome: 'link_case', linkCaseId: caseId })}
        />
        <Radio.Group
          label={t('intake.channel')}
          value={values.channel}
          onChange={(value) => set('channel', value as IntakeValues['channel'])}
          error={error('channel')}
          required
        >
          <Group gap="md" mt={6}>
            {channelOptions.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('intake.language')}
            value={values.language}
            onChange={(event) => set('language', event.currentTarget.value)}
            data={CONVERSATION_LANGUAGES.map((code) => ({
              value: code,
              label: t(`conversationLanguages.${code}`),
            }))}
            error={error('language')}
            required
          />
          <Select
            label={t('intake.category')}
            placeholder={t('intake.categoryPlaceholder')}
            data={taxonomy.options('category', values.categoryId)}
            value={values.categoryId}
            onChange={(value) => set('categoryId', value)}
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage={t('intake.nothingFound')}
            error={error('categoryId')}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('intake.summary')}
          description={t('intake.summaryHint')}
          value={values.summary}
          onChange={(event) => set('summary', event.currentTarget.value)}
          error={error('summary')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={4000}
          required
        />
        <RelativeFields values={values} set={set} error={(key) => error(key) ?? error('subject')} />
        <ObservationFields
          kind="signal"
          value={values.signalIds}
          onChange={(ids) => set('signalIds', ids)}
          error={error('signalIds')}
        />
        <ObservationFields
          kind="protective"
          value={values.protectiveIds}
          onChange={(ids) => set('protectiveIds', ids)}
          error={error('protectiveIds')}
        />
        <Fieldset legend={t('preferences.intakeLegend')} variant="filled">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('preferences.hint')}
            </Text>
            <PreferencesFields
              values={{
                counsellorGender: values.prefGender,
                backgroundId: values.prefBackgroundId,
                language: values.prefLanguage,
              }}
              onChange={(prefs) =>
                onChange({
                  ...values,
                  prefGender: prefs.counsellorGender,
                  prefBackgroundId: prefs.backgroundId,
                  prefLanguage: prefs.language,
                })
              }
            />
          </Stack>
        </Fieldset>
        <Paper
          withBorder
          p="sm"
          style={
            values.immediateDanger ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined
          }
        >
          <Radio.Group
            label={t('intake.danger')}
            description={t('intake.dangerHint')}
            value={values.immediateDanger ? 'yes' : 'no'}
            onChange={(value) => set('immediateDanger', value === 'yes')}
            styles={{ label: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)' } }}
          >
            <Group gap="xl" mt={6}>
              <Radio value="no" label={t('common.no')} />
              <Radio value="yes" label={t('common.yes')} color="red" />
            </Group>
          </Radio.Group>
          {values.immediateDanger ? (
            <Alert color="red" variant="filled" mt="sm" role="alert" title={t('intake.dangerWarningTitle')}>
              {t('intake.dangerWarning')}
            </Alert>
          ) : null}
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {/* Suggests the organisation's own names (matching compares them exactly); free text stays allowed. */}
          <Autocomplete
            label={t('intake.municipality')}
            value={values.municipality}
            onChange={(value) => set('municipality', value)}
            data={municipalityNames}
            limit={8}
            error={error('municipality')}
            maxLength={80}
            autoComplete="off"
          />
          <SourceActivitySelect
            value={values.sourceActivityId}
            onChange={(value) => set('sourceActivityId', value)}
            error={error('sourceActivityId')}
          />
        </SimpleGrid>
        <Fieldset legend={t('intake.callback')} variant="filled">
          <Stack gap="sm">
            <Group gap="xl">
              <Checkbox
                label={t('intake.mayCallBack')}
                checked={values.mayCallBack}
                onChange={(event) => set('mayCallBack', event.currentTarget.checked)}
              />
              <Checkbox
                label={t('intake.mayLeaveMessage')}
                checked={values.mayLeaveMessage}
                onChange={(event) => set('mayLeaveMessage', event.currentTarget.checked)}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('intake.safeTimes')}
                placeholder={t('intake.safeTimesPlaceholder')}
                value={values.safeTimes}
                onChange={(event) => set('safeTimes', event.currentTarget.value)}
                maxLength={200}
                autoComplete="off"
              />
              <NativeSelect
                label={t('intake.safeChannel')}
                value={values.safeChannel}
                onChange={(event) => set('safeChannel', event.currentTarget.value)}
                data={[{ value: '', label: t('common.notGiven') }, ...channelOptions]}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <TextInput
          label={t('intake.duration')}
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          w={{ base: '100%', xs: 220 }}
          description={t('intake.timer.durationHint')}
          value={values.durationMinutes}
          onChange={(event) => {
            durationTyped.current = true;
            set('durationMinutes', event.currentTarget.value);
          }}
          error={error('durationMinutes')}
        />
        <Radio.Group
          label={t('intake.outcome')}
          value={values.outcome}
          onChange={(value) => set('outcome', value)}
          error={error('outcome') ?? error('linkCaseId')}
          data-invalid-group={errors.outcome || errors.linkCaseId ? '' : undefined}
          required
        >
          <Stack gap="xs" mt={6}>
            <Radio value="info_only" label={t('intake.outcomes.info_only')} />
            <Radio value="open_case" label={t('intake.outcomes.open_case')} />
            <Radio
              value="link_case"
              label={t('intake.outcomes.link_case')}
              description={knownCases.length === 0 ? t('intake.linkNeedsKnownCaller') : undefined}
              disabled={knownCases.length === 0}
            />
          </Stack>
        </Radio.Group>
        {values.outcome === 'link_case' && knownCases.length > 0 ? (
          <NativeSelect
            label={t('intake.linkCase')}
            value={values.linkCaseId}
            onChange={(event) => set('linkCaseId', event.currentTarget.value)}
            data={[
              { value: '', label: t('intake.chooseCase') },
              ...knownCases.map((item) => ({ value: item.id, label: item.reference })),
            ]}
            error={error('linkCaseId')}
          />
        ) : null}
        <Checkbox
          ref={lastRef}
          label={t('intake.confidentiality')}
          description={t('intake.confidentialityHint')}
          checked={values.confidentialityExplained}
          onChange={(event) => set('confidentialityExplained', event.currentTarget.checked)}
          error={error('confidentialityExplained')}
          required
        />
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="off">
            {props.draftState === 'idle' ? '' : t(`intake.draft.${props.draftState}`)}
          </Text>
          <Button type="submit" loading={props.saving} size="md">
            {t('intake.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
