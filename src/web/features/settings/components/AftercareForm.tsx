import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_LEVELS } from '../../../../shared/cases.schema';
import type { SupportLevel } from '../../../../shared/cases.schema';
import { AftercareScheduleSchema } from '../../../../shared/work.schema';
import type { OrgSettings } from '../../../../shared/work.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SETTINGS_KEY, updateSettings } from '../api';
import { SavedNotice } from '../../../components/SavedNotice';

const toText = (days: number[]) => days.join(', ');

/** "14, 28, 42" → [14, 28, 42]; anything that is not a whole number makes the list invalid. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map(Number);
  return days.every((day) => Number.isInteger(day)) ? [...new Set(days)].sort((a, b) => a - b) : null;
}

/** Days after closure for each aftercare check-in, per support level. */
export function AftercareForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => client.setQueryData(SETTINGS_KEY, saved),
  });
  const [texts, setTexts] = useState<Record<SupportLevel, string>>({
    light: toText(settings.aftercareSchedule.light),
    moderate: toText(settings.aftercareSchedule.moderate),
    intensive: toText(settings.aftercareSchedule.intensive),
  });
  const [invalid, setInvalid] = useState<SupportLevel[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Object.fromEntries(SUPPORT_LEVELS.map((level) => [level, parseDays(texts[level])]));
    const checked = AftercareScheduleSchema.safeParse(parsed);
    const bad = SUPPORT_LEVELS.filter(
      (level) =>
        parsed[level] === null || (!checked.success && checked.error.issues.some((i) => i.path[0] === level)),
    );
    setInvalid(bad);
    if (!checked.success || bad.length) return;
    save.mutate({ aftercareSchedule: checked.data });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <ErrorAlert error={save.error} />
        {SUPPORT_LEVELS.map((level) => (
          <TextInput
            key={level}
            label={t(`supportLevels.${level}`)}
            description={t('aftercare.daysHint')}
            value={texts[level]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setTexts((old) => ({ ...old, [level]: value }));
              save.reset();
            }}
            error={invalid.includes(level) ? t('aftercare.invalid') : undefined}
            classNames={{ input: 'ltr-text' }}
            inputMode="numeric"
          />
        ))}
        <SavedNotice shown={save.isSuccess} title={t('aftercare.saved')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
