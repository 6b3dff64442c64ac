import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityTaskCreateSchema } from '../../../../shared/activities.schema';
import type { Activity } from '../../../../shared/activities.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, newRequestId } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useActivityMutations } from '../hooks';

/** Follow-up tasks of the activity: a simple list to tick off. */
export function TasksSection({ activity, canChange }: { activity: Activity; canChange: boolean }) {
  const { t } = useTranslation();
  const { addTask, setTaskDone } = useActivityMutations();
  const [requestId, setRequestId] = useState(newRequestId);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { title: '', dueOn: '' },
    schema: ActivityTaskCreateSchema,
    toInput: (values) => ({ requestId, title: values.title.trim(), dueOn: values.dueOn || null }),
  });

  const submit = onSubmit((data) =>
    addTask.mutate(
      { id: activity.id, ...data },
      {
        onSuccess: () => {
          form.reset();
          setRequestId(newRequestId());
        },
        onError: showServerErrors,
      },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="activity-tasks">
      <Stack>
        <Title order={2} size="h4" id="activity-tasks">
          {t('activities.tasks.title')}
        </Title>
        <ErrorAlert error={setTaskDone.error} />
        {activity.tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('activities.tasks.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {activity.tasks.map((task) => (
              <Checkbox
                key={task.id}
                checked={task.done}
                disabled={!canChange || setTaskDone.isPending}
                onChange={(event) =>
                  setTaskDone.mutate({ id: activity.id, taskId: task.id, done: event.currentTarget.checked })
                }
                label={task.title}
                description={
                  task.dueOn
                    ? t('activities.tasks.due', { date: formatDay(task.dueOn, currentLanguage()) })
                    : undefined
                }
              />
            ))}
          </Stack>
        )}
        {canChange ? (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('activities.tasks.new')}
                {...form.getInputProps('title')}
                maxLength={300}
                style={{ flex: 1 }}
                miw={220}
              />
              <TextInput type="date" label={t('activities.tasks.dueOn')} {...form.getInputProps('dueOn')} />
              <Button type="submit" variant="default" loading={addTask.isPending}>
                {t('activities.tasks.add')}
              </Button>
            </Group>
            <ErrorAlert error={addTask.error} />
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
