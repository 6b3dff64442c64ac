import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useAbsences, useProfileMutations } from '../hooks';

/** Periods away (holiday, illness): matching treats the counsellor as not available then. */
export function AbsencesSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const absences = useAbsences(userId);
  const { addAbsence, removeAbsence } = useProfileMutations(userId);
  const [from, setFrom] = useState(todayIso);
  const [to, setTo] = useState(todayIso);
  const [note, setNote] = useState('');
  const [order, setOrder] = useState(false);
  const language = currentLanguage();
  const fieldErrors = apiFieldErrors(addAbsence.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!from || !to || to < from) return setOrder(true);
    setOrder(false);
    addAbsence.mutate({ fromDate: from, toDate: to, note: note.trim() }, { onSuccess: () => setNote('') });
  }

  return (
    <Stack gap="sm">
      <Title order={2} size="h4" id="absences-title">
        {t('counsellors.absences')}
      </Title>
      <ErrorAlert error={absences.error ?? removeAbsence.error} />
      {absences.isPending ? <Loading /> : null}
      {absences.data && absences.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('counsellors.noAbsences')}
        </Text>
      ) : null}
      {absences.data && absences.data.items.length > 0 ? (
        <Stack
          component="ul"
          gap={4}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-labelledby="absences-title"
        >
          {absences.data.items.map((absence) => {
            const period = t('counsellors.period', {
              from: formatDay(absence.fromDate, language),
              to: formatDay(absence.toDate, language),
            });
            return (
              <Group component="li" key={absence.id} gap="xs" justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm">{period}</Text>
                  {absence.note ? (
                    <Text size="xs" c="dimmed" dir="auto">
                      {absence.note}
                    </Text>
                  ) : null}
                </div>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={removeAbsence.isPending && removeAbsence.variables === absence.id}
                  onClick={() => removeAbsence.mutate(absence.id)}
                  aria-label={t('counsellors.removeAbsenceFor', { period })}
                >
                  {t('counsellors.removeAbsence')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      ) : null}
      <form onSubmit={submit} noValidate aria-label={t('counsellors.addAbsence')}>
        <Stack gap="xs">
          <ErrorAlert error={addAbsence.error} />
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('counsellors.from')}
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              classNames={{ input: 'ltr-text' }}
              error={fieldErrorText(t, fieldErrors.fromDate)}
            />
            <TextInput
              type="date"
              label={t('counsellors.to')}
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              classNames={{ input: 'ltr-text' }}
              error={order ? t('counsellors.endBeforeStart') : fieldErrorText(t, fieldErrors.toDate)}
            />
            <TextInput
              label={t('counsellors.absenceNote')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              maxLength={200}
              style={{ flex: '1 1 180px' }}
            />
            <Button type="submit" variant="default" loading={addAbsence.isPending}>
              {t('counsellors.addAbsence')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
