import { Alert, Box, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FunderNarrativeSchema } from '../../../../shared/reports.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayIso } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { SavedNotice } from '../../../components/SavedNotice';
import { useDiscardGuard } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { exportFunderReport, FUNDER_KEY, fetchFunderReport, saveFunderNarrative } from '../api';

/** The helpline's year (its time zone), as the server counts it. */
const thisYear = () => Number(todayIso().slice(0, 4));

/**
 * The yearly funder report: the coordinator writes a short narrative per year and saves it; coordinators and
 * analysts download the PDF (headline figures under disclosure control, the narrative, in the organisation's
 * language). Changing the year with unsaved text asks first.
 */
export function FunderReportView() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [pendingYear, setPendingYear] = useState<number | null>(null);
  const report = useQuery({ queryKey: [FUNDER_KEY, year], queryFn: () => fetchFunderReport(year) });
  // The form holds what the coordinator typed for the year in `editing`, until it is saved; any other year
  // shows its saved narrative.
  const [editing, setEditing] = useState<number | null>(null);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { narrative: '' },
    schema: FunderNarrativeSchema,
    toInput: (values) => ({ year, narrative: values.narrative }),
  });
  const saved = report.data?.narrative ?? '';
  const narrative = editing === year ? form.getValues().narrative : saved;
  const save = useMutation({
    mutationFn: saveFunderNarrative,
    onSuccess: (result) => {
      client.setQueryData([FUNDER_KEY, result.year], result);
      setEditing(null);
    },
  });
  const download = useMutation({ mutationFn: exportFunderReport });
  const dirty = report.data !== undefined && narrative !== saved;
  const guard = useDiscardGuard(dirty, () => {
    setEditing(null);
    form.clearErrors();
    if (pendingYear !== null) setYear(pendingYear);
    setPendingYear(null);
    save.reset();
    download.reset();
  });
  const fieldError = form.errors.narrative;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear() - i));

  const submit = onSubmit((data) => save.mutate(data, { onError: showServerErrors }));

  return (
    <Stack maw={760}>
      <Text size="sm">{t('reports.funder.intro')}</Text>
      <Box maw={200}>
        <NativeSelect
          label={t('reports.funder.year')}
          value={String(year)}
          onChange={(event) => {
            const next = Number(event.currentTarget.value);
            if (!dirty) {
              setYear(next);
              save.reset();
              download.reset();
              return;
            }
            // Unsaved text: ask before it is thrown away (the guard's "discard" moves to the year).
            setPendingYear(next);
            guard.requestClose();
          }}
          data={years}
        />
      </Box>
      {guard.prompt}
      <ErrorAlert error={report.error} />
      {report.isPending ? <Loading /> : null}
      {report.data ? (
        <form onSubmit={submit} noValidate aria-label={t('reports.funder.title')}>
          <Stack>
            {report.data.canEdit ? (
              <Textarea
                label={t('reports.funder.narrative')}
                description={t('reports.funder.narrativeHint')}
                {...form.getInputProps('narrative')}
                value={narrative}
                onChange={(event) => {
                  setEditing(year);
                  form.setFieldValue('narrative', event.currentTarget.value);
                  save.reset();
                }}
                autosize
                minRows={6}
                maxLength={4000}
              />
            ) : (
              <Box>
                <Text fw={600} size="sm">
                  {t('reports.funder.narrative')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {report.data.narrative || t('reports.funder.noNarrative')}
                </Text>
                <Text size="xs" mt="xs">
                  {t('reports.funder.readOnly')}
                </Text>
              </Box>
            )}
            {report.data.updatedAt ? (
              <Text size="xs">
                {t('reports.funder.lastSaved', {
                  at: new Date(report.data.updatedAt).toLocaleString(i18n.language),
                })}
              </Text>
            ) : null}
            {fieldError === undefined ? <ErrorAlert error={save.error} /> : null}
            <SavedNotice shown={save.isSuccess && !dirty} title={t('reports.funder.saved')} />
            <Group>
              {report.data.canEdit ? (
                <Button type="submit" loading={save.isPending} disabled={!dirty}>
                  {t('common.save')}
                </Button>
              ) : null}
              <Button
                variant="default"
                loading={download.isPending}
                disabled={dirty}
                onClick={() => download.mutate(year)}
              >
                {t('reports.funder.download')}
              </Button>
            </Group>
            <ErrorAlert error={download.error} />
            {download.isSuccess ? (
              <Alert color="teal" variant="light" role="status" title={t('reports.funder.downloaded')} />
            ) : null}
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
