import { Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../shared/activities.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { SavedNotice } from '../../../components/SavedNotice';
import { useDiscardGuard } from '../../../components/useDiscardGuard';
import { useActivityMutations } from '../hooks';

/** Afterwards: how many came (a number — never names), what was used, how it went. */
export function ReportSection({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { report } = useActivityMutations();
  const [attendees, setAttendees] = useState<number | string>(activity.attendees ?? '');
  const [materials, setMaterials] = useState(activity.materials);
  const [evaluation, setEvaluation] = useState(activity.evaluation);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const dirty =
    String(attendees) !== String(activity.attendees ?? '') ||
    materials !== activity.materials ||
    evaluation !== activity.evaluation;
  const guard = useDiscardGuard(dirty, () => {
    setAttendees(activity.attendees ?? '');
    setMaterials(activity.materials);
    setEvaluation(activity.evaluation);
  });
  const held = activity.held;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    report.mutate(
      {
        id: activity.id,
        ...(held ? { attendees: attendees === '' ? null : Number(attendees) } : {}),
        materials,
        evaluation,
      },
      {
        onSuccess: () => {
          setErrors({});
          setSaved(true);
        },
        onError: (error) => setErrors(apiFieldErrors(error)),
      },
    );
  }

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
              value={attendees}
              onChange={(value) => {
                setSaved(false);
                setAttendees(value);
              }}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              error={fieldErrorText(t, errors.attendees)}
              maw={240}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('activities.report.notYet')}
            </Text>
          )}
          <Textarea
            label={t('activities.materials')}
            value={materials}
            onChange={(event) => {
              setSaved(false);
              setMaterials(event.currentTarget.value);
            }}
            error={fieldErrorText(t, errors.materials)}
            maxLength={2000}
            dir="auto"
            autosize
            minRows={2}
          />
          <Textarea
            label={t('activities.evaluation')}
            description={t('activities.report.evaluationHint')}
            value={evaluation}
            onChange={(event) => {
              setSaved(false);
              setEvaluation(event.currentTarget.value);
            }}
            error={fieldErrorText(t, errors.evaluation)}
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
