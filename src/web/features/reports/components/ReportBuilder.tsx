import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIMENSIONS_OF,
  isDurationMeasure,
  isReachMeasure,
  MEASURES,
  REPORT_FORMATS,
  ReportQuerySchema,
} from '../../../../shared/reports.schema';
import type { Dimension, Measure, ReportFormat } from '../../../../shared/reports.schema';
import { DateRangeInputs } from '../../../components/DateRangeInputs';
import { EmptyState } from '../../../components/EmptyState';
import { todayIso } from '../../../components/format';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { exportReport, runReport, type ReportRequest } from '../api';
import { ReportTable } from './ReportTable';
import { currentLanguage } from '../../../i18n';
import type { TranslationKey } from '../../../i18n';

const EXPORT_LABELS = {
  csv: 'reports.exportCsv',
  xlsx: 'reports.exportXlsx',
  pdf: 'reports.exportPdf',
} as const satisfies Record<ReportFormat, TranslationKey>;

/** The report builder: a measure, a period and up to two breakdowns from the allow-list; read it, export it. */
export function ReportBuilder() {
  const { t } = useTranslation();
  const initialValues: {
    measure: Measure;
    from: string;
    to: string;
    rows: Dimension | '';
    columns: Dimension | '';
  } = {
    measure: 'requests',
    // The helpline's calendar year (todayIso is the day in its time zone), so far and what remains of it: an
    // empty future costs nothing.
    from: `${todayIso().slice(0, 4)}-01-01`,
    to: `${todayIso().slice(0, 4)}-12-31`,
    rows: 'month',
    columns: '',
  };
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues,
    schema: ReportQuerySchema,
    toInput: ({ measure, from, to, rows, columns }): ReportRequest => ({
      measure,
      from,
      to,
      language: currentLanguage(),
      ...(rows ? { rows } : {}),
      ...(rows && columns ? { columns } : {}),
    }),
  });
  const { measure, rows } = form.getValues();
  const [shown, setShown] = useState<ReportRequest | null>(null);
  const report = useMutation({ mutationFn: runReport });
  const exported = useMutation({ mutationFn: exportReport });
  const errors = form.errors;
  const allowed = DIMENSIONS_OF[measure];
  const dimensionOptions = (exclude?: Dimension | '') => [
    { value: '', label: t('reports.none') },
    ...allowed.filter((d) => d !== exclude).map((d) => ({ value: d, label: t(`reports.dimensions.${d}`) })),
  ];

  const submit = onSubmit((body) => {
    exported.reset();
    report.mutate(body, { onSuccess: () => setShown(body), onError: showServerErrors });
  });

  return (
    <Stack maw={1200}>
      <form onSubmit={submit} noValidate aria-label={t('reports.title')}>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('reports.measure')}
            {...form.getInputProps('measure')}
            onChange={(event) => {
              const next = event.currentTarget.value as Measure;
              const { rows, columns } = form.getValues();
              form.setFieldValue('measure', next);
              if (rows && !DIMENSIONS_OF[next].includes(rows)) form.setFieldValue('rows', '');
              const rowsOnly = isDurationMeasure(next) || isReachMeasure(next);
              if (rowsOnly || (columns && !DIMENSIONS_OF[next].includes(columns))) {
                form.setFieldValue('columns', '');
              }
            }}
            data={MEASURES.map((m) => ({ value: m, label: t(`reports.measures.${m}`) }))}
          />
          <DateRangeInputs
            from={form.getValues().from}
            to={form.getValues().to}
            labels={{ from: t('reports.from'), to: t('reports.to') }}
            onChange={(field, value) => form.setFieldValue(field, value)}
          />
          <NativeSelect
            label={t('reports.rows')}
            {...form.getInputProps('rows')}
            onChange={(event) => {
              const next = event.currentTarget.value as Dimension | '';
              form.setFieldValue('rows', next);
              if (!next || next === form.getValues().columns) form.setFieldValue('columns', '');
            }}
            data={dimensionOptions()}
          />
          <NativeSelect
            label={t('reports.columns')}
            {...form.getInputProps('columns')}
            disabled={!rows || isDurationMeasure(measure) || isReachMeasure(measure)}
            data={dimensionOptions(rows)}
          />
        </Group>
        {/* The date fields have no room for a message of their own: the period's problem shows below them. */}
        {errors.from || errors.to ? (
          <Text c="red.8" size="sm" mt="xs" role="alert">
            {errors.to ?? errors.from}
          </Text>
        ) : null}
        <Group mt="md">
          <Button type="submit" loading={report.isPending}>
            {t('reports.show')}
          </Button>
          {report.data && shown ? (
            <Group role="group" aria-label={t('reports.exportGroup')} gap="xs" wrap="wrap">
              {REPORT_FORMATS.map((format) => (
                <Button
                  key={format}
                  variant="default"
                  loading={exported.isPending && exported.variables.format === format}
                  disabled={exported.isPending && exported.variables.format !== format}
                  onClick={() => exported.mutate({ ...shown, format })}
                >
                  {t(EXPORT_LABELS[format])}
                </Button>
              ))}
            </Group>
          ) : null}
        </Group>
      </form>
      {Object.keys(errors).length === 0 ? <ErrorAlert error={report.error} /> : null}
      <ErrorAlert error={exported.error} />
      {exported.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title={t('reports.exported')} />
      ) : null}
      {report.data && !report.isPending ? (
        <ReportTable report={report.data} />
      ) : report.isPending ? null : (
        <EmptyState title={t('reports.empty')} />
      )}
    </Stack>
  );
}
