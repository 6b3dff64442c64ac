import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AbsenceCreateSchema } from '../../../../shared/counsellors.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useAbsences, useProfileMutations } from '../hooks';

/** Periods away (holiday, illness): matching treats the counsellor as not available then. */
export function AbsencesSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const absences = useAbsences(userId);
  const { addAbsence, removeAbsence } = useProfileMutations(userId);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { fromDate: todayIso(), toDate: todayIso(), note: '' },
    schema: AbsenceCreateSchema,
    // The schema's rule across the two dates names no reason of its own.
    errorText: (path, problem) =>
      path === 'toDate' && problem.reason === 'custom' ? t('counsellors.endBeforeStart') : undefined,
  });
  const language = currentLanguage();

  const submit = onSubmit((data) =>
    addAbsence.mutate(data, { onSuccess: () => form.setFieldValue('note', ''), onError: showServerErrors }),
  );

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
              {...form.getInputProps('fromDate')}
              classNames={{ input: 'ltr-text' }}
            />
            <TextInput
              type="date"
              label={t('counsellors.to')}
              {...form.getInputProps('toDate')}
              classNames={{ input: 'ltr-text' }}
            />
            <TextInput
              label={t('counsellors.absenceNote')}
              {...form.getInputProps('note')}
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
