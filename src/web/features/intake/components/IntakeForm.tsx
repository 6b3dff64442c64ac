import {
  Alert,
  Autocomplete,
  Button,
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
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, CONVERSATION_LANGUAGES, IntakeSchema } from '../../../../shared/cases.schema';
import type { Intake } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { FieldProblem } from '../../../components/fieldPaths';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { SourceActivitySelect } from '../../activities/components/SourceActivitySelect';
import { useMunicipalities } from '../../counsellors/hooks';
import { PreferencesFields } from '../../matching/components/PreferencesFields';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { lookupPhone } from '../api';
import type { IntakeResult } from '../api';
import { INTAKE_PATHS, isBlank, toIntake } from '../form';
import type { IntakeValues } from '../form';
import { minutesOf, useCallTimer } from '../hooks/useCallTimer';
import type { DraftState } from '../hooks/useIntakeDrafts';
import { CallbackFields } from './CallbackFields';
import { CallTimer } from './CallTimer';
import { KnownCallerNotice } from './KnownCallerNotice';
import { ObservationFields } from './ObservationFields';
import { OutcomeFields } from './OutcomeFields';
import { RelativeFields } from './RelativeFields';

/** The rule across fields the schema leaves to the server: a call with immediate danger needs a case. */
function dangerCheck(values: IntakeValues): Record<string, FieldProblem> {
  return values.immediateDanger && values.outcome === 'info_only'
    ? { outcome: { reason: 'danger_needs_case', message: 'A call with immediate danger needs a case' } }
    : {};
}

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
  const { onChange } = props;
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const municipalities = useMunicipalities();
  const municipalityNames = (municipalities.data?.items ?? []).filter((m) => m.active).map((m) => m.name);
  // Every value object this form handed to the page. Anything else arriving in `values` comes from the page
  // itself (a draft taken up); a render of the page that is a keystroke behind must not overwrite the form.
  const [reported] = useState(() => new WeakSet<IntakeValues>([props.values]));
  const { form, onSubmit, showServerErrors, errorOf } = useSchemaForm({
    initialValues: props.values,
    schema: IntakeSchema,
    toInput: (values) => toIntake(values, { requestId: props.requestId, draftId: props.draftId }),
    renames: INTAKE_PATHS,
    check: dangerCheck,
    onValuesChange: (next) => {
      reported.add(next);
      onChange(next);
    },
  });
  const values = form.values;
  const formRef = useRef<HTMLFormElement>(null);
  const lastRef = useRef<HTMLInputElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const lookup = useMutation({ mutationFn: lookupPhone });
  const knownCases = lookup.data?.cases ?? [];
  const timer = useCallTimer();
  const timerStarted = useRef(false);
  const durationTyped = useRef(false);

  // A draft taken up after the form was shown replaces its values.
  useEffect(() => {
    if (reported.has(props.values)) return;
    reported.add(props.values);
    form.setValues(props.values);
  }, [props.values, reported, form]);

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
    if (minutes !== values.durationMinutes) form.setFieldValue('durationMinutes', minutes);
  }, [timer.seconds, values.durationMinutes, form]);

  // In an effect, not `autoFocus`: the page heading takes focus on navigation first, then this field does.
  useEffect(() => firstRef.current?.focus(), []);

  const submit = onSubmit((intake) => {
    if (props.saving) return;
    void props.onSave(intake).catch(showServerErrors);
  });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey || event.target === lastRef.current) {
      event.preventDefault();
      // Through the form's own submit event, so a refused save can move the focus to the first problem.
      formRef.current?.requestSubmit();
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
            {...form.getInputProps('callerAlias')}
            required
            ref={firstRef}
            maxLength={120}
            autoComplete="off"
          />
          <TextInput
            label={t('intake.phone')}
            description={t('intake.phoneHint')}
            type="tel"
            {...form.getInputProps('phone')}
            onBlur={onPhoneBlur}
            error={
              form.errors.phone ??
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
          onLink={(caseId) => form.setValues({ outcome: 'link_case', linkCaseId: caseId })}
        />
        <Radio.Group label={t('intake.channel')} {...form.getInputProps('channel')} required>
          <Group gap="md" mt={6}>
            {channelOptions.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('intake.language')}
            {...form.getInputProps('language')}
            data={CONVERSATION_LANGUAGES.map((code) => ({
              value: code,
              label: t(`conversationLanguages.${code}`),
            }))}
            required
          />
          <Select
            label={t('intake.category')}
            placeholder={t('intake.categoryPlaceholder')}
            data={taxonomy.options('category', values.categoryId)}
            {...form.getInputProps('categoryId')}
            searchable
            selectFirstOptionOnChange
            nothingFoundMessage={t('intake.nothingFound')}
            required
          />
        </SimpleGrid>
        <Textarea
          label={t('intake.summary')}
          description={t('intake.summaryHint')}
          {...form.getInputProps('summary')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={4000}
          required
        />
        <RelativeFields form={form} />
        <ObservationFields
          kind="signal"
          value={values.signalIds}
          onChange={(ids) => form.setFieldValue('signalIds', ids)}
          error={errorOf('signalIds')}
        />
        <ObservationFields
          kind="protective"
          value={values.protectiveIds}
          onChange={(ids) => form.setFieldValue('protectiveIds', ids)}
          error={errorOf('protectiveIds')}
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
                form.setValues({
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
            onChange={(value) => form.setFieldValue('immediateDanger', value === 'yes')}
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
            {...form.getInputProps('municipality')}
            data={municipalityNames}
            limit={8}
            maxLength={80}
            autoComplete="off"
          />
          <SourceActivitySelect
            value={values.sourceActivityId}
            onChange={(value) => form.setFieldValue('sourceActivityId', value)}
            error={errorOf('sourceActivityId')}
          />
        </SimpleGrid>
        <CallbackFields form={form} channelOptions={channelOptions} />
        <TextInput
          label={t('intake.duration')}
          type="number"
          inputMode="numeric"
          min={0}
          max={600}
          w={{ base: '100%', xs: 220 }}
          description={t('intake.timer.durationHint')}
          {...form.getInputProps('durationMinutes')}
          onChange={(event) => {
            durationTyped.current = true;
            form.setFieldValue('durationMinutes', event.currentTarget.value);
          }}
        />
        <OutcomeFields form={form} knownCases={knownCases} lastRef={lastRef} />
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
