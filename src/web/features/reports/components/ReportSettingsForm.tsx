import { Alert, Button, Checkbox, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportSettingsSchema } from '../../../../shared/reports.schema';
import type { ReportSettings } from '../../../../shared/reports.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { REPORT_SETTINGS_KEY, updateReportSettings } from '../api';

/** The admin's disclosure rules for every report: the threshold and rounding. */
export function ReportSettingsForm({ settings }: { settings: ReportSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateReportSettings,
    onSuccess: (saved) => client.setQueryData(REPORT_SETTINGS_KEY, saved),
  });
  const [threshold, setThreshold] = useState<number | string>(settings.threshold);
  const [roundToFive, setRoundToFive] = useState(settings.roundToFive);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ReportSettingsSchema.safeParse({ threshold: Number(threshold), roundToFive });
    setInvalid(!parsed.success);
    if (parsed.success) save.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('reportSettings.title')}>
      <Stack maw={560}>
        <ErrorAlert error={save.error} />
        {save.isSuccess ? (
          <Alert color="teal" variant="light" role="status" title={t('reportSettings.saved')} />
        ) : null}
        <NumberInput
          label={t('reportSettings.threshold')}
          description={t('reportSettings.thresholdHint')}
          value={threshold}
          onChange={(value) => {
            setThreshold(value);
            save.reset();
          }}
          min={3}
          max={10}
          allowDecimal={false}
          allowNegative={false}
          error={invalid ? t('reportSettings.invalidThreshold') : undefined}
          classNames={{ input: 'ltr-text' }}
        />
        <Checkbox
          label={t('reportSettings.roundToFive')}
          checked={roundToFive}
          onChange={(event) => {
            setRoundToFive(event.currentTarget.checked);
            save.reset();
          }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
