import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WaitingListSchema } from '../../../../shared/matching.schema';
import type { HardFilter } from '../../../../shared/matching.schema';
import { formatDay, newRequestId, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { isolatedValues } from '../../../components/isolate';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import type { Diagnosis, Widening } from '../api';
import { useWaitingList } from '../hooks';
import { languageLabel } from '../labels';

/** A week from today, the default for looking again. */
function inAWeek(): string {
  const day = new Date(`${todayIso()}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

interface NoMatchPanelProps {
  caseId: string;
  diagnosis: Diagnosis;
  widening: Widening;
  canWait: boolean;
  onWiden: (widening: Widening) => void;
}

/**
 * When nobody passes the hard filters: why, per filter, in counts over the active counsellors (never who),
 * and the real ways on — widen the region, include remote counsellors, a counsellor with an interpreter, or
 * the waiting list with a dated task to look again.
 */
export function NoMatchPanel({ caseId, diagnosis, widening, canWait, onWiden }: NoMatchPanelProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const total = diagnosis.activeCounsellors;
  const languages = diagnosis.languages.map((code) => languageLabel(t, taxonomy, code)).join(' / ');
  const place =
    diagnosis.place.municipality ?? diagnosis.place.province ?? t('matching.noMatch.placeUnknown');
  const reach = widening.reach;
  const passing = (filter: HardFilter) => diagnosis.filters.find((f) => f.filter === filter)?.passing ?? 0;
  // Language and region always; the other filters only when they hold someone back. "Active" is not among
  // them: the server leaves it out, the total counts the active counsellors.
  const others = diagnosis.filters.filter(
    (f): f is { filter: Exclude<HardFilter, 'language' | 'region' | 'active'>; passing: number } =>
      f.filter !== 'language' && f.filter !== 'region' && f.filter !== 'active' && f.passing < total,
  );

  return (
    <Paper withBorder p="sm" role="region" aria-labelledby="no-match-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="no-match-title">
          {t('matching.nobody')}
        </Title>
        <Text size="sm">{t('matching.noMatch.why', { n: total })}</Text>
        <List size="sm" spacing={4} aria-label={t('matching.noMatch.reasons')}>
          <List.Item>
            {isolatedValues((v) => t('matching.noMatch.language', v), {
              language: languages,
              n: String(passing('language')),
              total: String(total),
            })}
          </List.Item>
          <List.Item>
            {reach === 'region'
              ? isolatedValues((v) => t('matching.noMatch.region', v), {
                  place,
                  n: String(passing('region')),
                  total: String(total),
                })
              : isolatedValues((v) => t(`matching.noMatch.reach.${reach}`, v), {
                  n: String(passing('region')),
                  total: String(total),
                })}
          </List.Item>
          <List.Item fw={600}>
            {isolatedValues((v) => t('matching.noMatch.both', v), { n: String(diagnosis.languageAndRegion) })}
          </List.Item>
          {others.map((f) => (
            <List.Item key={f.filter}>
              {isolatedValues((v) => t(`matching.noMatch.filters.${f.filter}`, v), {
                n: String(f.passing),
                total: String(total),
              })}
            </List.Item>
          ))}
        </List>
        <Title order={4} size="h6">
          {t('matching.noMatch.options')}
        </Title>
        <Stack gap="xs">
          {widening.reach !== 'wide' ? (
            <Option
              label={t('matching.noMatch.widen')}
              count={diagnosis.options.wide}
              onChoose={() => onWiden({ ...widening, reach: 'wide' })}
            />
          ) : null}
          {widening.reach === 'region' ? (
            <Option
              label={t('matching.noMatch.remote')}
              count={diagnosis.options.remote}
              onChoose={() => onWiden({ ...widening, reach: 'remote' })}
            />
          ) : null}
          {!widening.interpreter ? (
            <Option
              label={t('matching.noMatch.interpreter', { language: languages })}
              count={diagnosis.options.interpreter}
              onChoose={() => onWiden({ ...widening, interpreter: true })}
            />
          ) : null}
          {canWait ? <WaitingListForm caseId={caseId} /> : null}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Option({ label, count, onChoose }: { label: string; count: number; onChoose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" role="group" aria-label={label}>
      <Text size="sm" style={{ flex: '1 1 14rem' }}>
        {label}{' '}
        <Text span size="sm" c={count > 0 ? 'teal.8' : 'dimmed'} fw={600}>
          {t('matching.noMatch.wouldPass', { n: count })}
        </Text>
      </Text>
      <Button size="xs" variant="light" onClick={onChoose} disabled={count === 0}>
        {t('matching.noMatch.show')}
      </Button>
    </Group>
  );
}

/** The waiting list: the coordinator picks when to look again; a task with that due date is created. */
function WaitingListForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [requestId, setRequestId] = useState(newRequestId);
  const wait = useWaitingList(caseId);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { dueOn: inAWeek() },
    schema: WaitingListSchema,
    toInput: (values) => ({ requestId, dueOn: values.dueOn, title: t('matching.noMatch.taskTitle') }),
  });
  const submit = onSubmit((data) =>
    wait.mutate(data, { onSuccess: () => setRequestId(newRequestId()), onError: showServerErrors }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('matching.noMatch.waitingList')}>
      <Stack gap={6}>
        <Text size="sm">{t('matching.noMatch.waitingListHint')}</Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('matching.noMatch.lookAgainOn')}
            type="date"
            {...form.getInputProps('dueOn')}
            min={todayIso()}
          />
          <Button type="submit" variant="default" size="sm" loading={wait.isPending}>
            {t('matching.noMatch.waitingList')}
          </Button>
        </Group>
        {wait.isSuccess ? (
          <Alert color="teal" variant="light" role="status">
            {isolatedValues((v) => t('matching.noMatch.waiting', v), {
              date: formatDay(wait.variables.dueOn, currentLanguage()),
            })}
          </Alert>
        ) : null}
        {wait.error && !form.errors.dueOn ? (
          <Alert color="red" variant="light" role="alert">
            {t('errors.internal')}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
