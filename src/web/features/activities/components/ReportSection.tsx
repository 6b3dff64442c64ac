import { Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityReportSchema } from '../../../../shared/activities.schema';
import type { Activity } from '../../../../shared/activities.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SavedNotice } from '../../../components/SavedNotice';
import { useDiscardGuard } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useActivityMutations } from '../hooks';

/** Afterwards: how many came (a number — never names), what was used, how it went. */
export function ReportSection({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { report } = useActivityMutations();
  const held = activity.held;
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: {
      attendees: activity.attendees ?? '',
      materials: activity.materials,
      evaluation: activity.evaluation,
    },
    schema: ActivityReportSchema,
    // Attendance is only sent once the activity has taken place.
    toInput: ({ attendees, ...rest }) => ({
      ...rest,
      ...(held ? { attendees: attendees === '' ? null : Number(attendees) } : {}),
    }),
    onValuesChange: () => setSaved(false),
  });
  // "Discard" puts back what was saved.
  const guard = useDiscardGuard(dirty, () => form.reset());

  const submit = onSubmit((data) => {
    setSaved(false);
    report.mutate(
      { id: activity.id, ...data },
      {
        onSuccess: () => {
          // What was saved is the new starting point: the form is no longer "changed".
          form.resetDirty();
          setSaved(true);
        },
        onError: showServerErrors,
      },
    );
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activity-report">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="activity-report">
            {t('activities.report.title')}
          </Title>
          {guard.prompt}
          <ErrorAlert error={report.error} />
          {held ? (
            <NumberInput
              label={t('activities.attendees')}
              description={t('activities.report.attendeesHint')}
              {...form.getInputProps('attendees')}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              maw={240}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('activities.report.notYet')}
            </Text>
          )}
          <Textarea
            label={t('activities.materials')}
            {...form.getInputProps('materials')}
            maxLength={2000}
            dir="auto"
            autosize
            minRows={2}
          />
          <Textarea
            label={t('activities.evaluation')}
            description={t('activities.report.evaluationHint')}
            {...form.getInputProps('evaluation')}
            maxLength={8000}
            dir="auto"
            autosize
            minRows={3}
          />
          <Group>
            <Button type="submit" loading={report.isPending}>
              {t('activities.report.save')}
            </Button>
          </Group>
          <SavedNotice shown={saved && !dirty} title={t('activities.report.saved')} />
        </Stack>
      </form>
    </Paper>
  );
}
