import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DIMENSIONS_OF,
  isDurationMeasure,
  isReachMeasure,
  MEASURES,
  REPORT_FORMATS,
} from '../../../../shared/reports.schema';
import type { Dimension, Measure, ReportFormat } from '../../../../shared/reports.schema';
import { DateRangeInputs } from '../../../components/DateRangeInputs';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import { exportReport, runReport, type ReportRequest } from '../api';
import { ReportTable } from './ReportTable';
import { currentLanguage } from '../../../i18n';
import type { TranslationKey } from '../../../i18n';

const EXPORT_LABELS = {
  csv: 'reports.exportCsv',
  xlsx: 'reports.exportXlsx',
  pdf: 'reports.exportPdf',
} as const satisfies Record<ReportFormat, TranslationKey>;

const today = () => new Date().toISOString().slice(0, 10);

/** The report builder: a measure, a period and up to two breakdowns from the allow-list; read it, export it. */
export function ReportBuilder() {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('requests');
  // The calendar year so far and what remains of it: "today" in the browser may already be tomorrow where the
  // organisation is (a request at 00:30 in Amsterdam is 23:30 UTC), and an empty future costs nothing.
  const [range, setRange] = useState({
    from: `${today().slice(0, 4)}-01-01`,
    to: `${today().slice(0, 4)}-12-31`,
  });
  const [rows, setRows] = useState<Dimension | ''>('month');
  const [columns, setColumns] = useState<Dimension | ''>('');
  const [shown, setShown] = useState<ReportRequest | null>(null);
  const report = useMutation({ mutationFn: runReport });
  const exported = useMutation({ mutationFn: exportReport });
  const errors = apiFieldErrors(report.error);
  const allowed = DIMENSIONS_OF[measure];
  const dimensionOptions = (exclude?: Dimension | '') => [
    { value: '', label: t('reports.none') },
    ...allowed.filter((d) => d !== exclude).map((d) => ({ value: d, label: t(`reports.dimensions.${d}`) })),
  ];

  function request(): ReportRequest {
    return {
      measure,
      from: range.from,
      to: range.to,
      language: currentLanguage(),
      ...(rows ? { rows } : {}),
      ...(rows && columns ? { columns } : {}),
    };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = request();
    exported.reset();
    report.mutate(body, { onSuccess: () => setShown(body) });
  }

  return (
    <Stack maw={1200}>
      <form onSubmit={submit} noValidate aria-label={t('reports.title')}>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('reports.measure')}
            value={measure}
            onChange={(event) => {
              const next = event.currentTarget.value as Measure;
              setMeasure(next);
              if (rows && !DIMENSIONS_OF[next].includes(rows)) setRows('');
              const rowsOnly = isDurationMeasure(next) || isReachMeasure(next);
              if (rowsOnly || (columns && !DIMENSIONS_OF[next].includes(columns))) setColumns('');
            }}
            data={MEASURES.map((m) => ({ value: m, label: t(`reports.measures.${m}`) }))}
          />
          <DateRangeInputs
            from={range.from}
            to={range.to}
            labels={{ from: t('reports.from'), to: t('reports.to') }}
            onChange={(field, value) => setRange((r) => ({ ...r, [field]: value }))}
          />
          <NativeSelect
            label={t('reports.rows')}
            value={rows}
            onChange={(event) => {
              const next = event.currentTarget.value as Dimension | '';
              setRows(next);
              if (!next || next === columns) setColumns('');
            }}
            data={dimensionOptions()}
            error={fieldErrorText(t, errors.rows)}
          />
          <NativeSelect
            label={t('reports.columns')}
            value={columns}
            disabled={!rows || isDurationMeasure(measure) || isReachMeasure(measure)}
            onChange={(event) => setColumns(event.currentTarget.value as Dimension | '')}
            data={dimensionOptions(rows)}
            error={fieldErrorText(t, errors.columns)}
          />
        </Group>
        {errors.to ? (
          <Text c="red.8" size="sm" mt="xs" role="alert">
            {fieldErrorText(t, errors.to)}
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
