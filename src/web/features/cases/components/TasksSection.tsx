import { Badge, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TaskInputSchema } from '../../../../shared/cases.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { currentLanguage } from '../../../i18n';
import { useAddCaseItem, useCaseMutations } from '../hooks/useCases';
import { taskTitle } from '../taskTitle';
import { Section } from './Section';

/** Follow-up tasks and aftercare check-ins, open ones first by due date; tick one off when done. */
export function TasksSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const add = useAddCaseItem(detail.id, 'tasks');
  const { task } = useCaseMutations(detail.id);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { title: '', dueOn: todayIso() },
    schema: TaskInputSchema,
  });
  const today = todayIso();
  const language = currentLanguage();
  const tasks = [...detail.tasks].sort(
    (a, b) => Number(a.done) - Number(b.done) || a.dueOn.localeCompare(b.dueOn),
  );

  const submit = onSubmit((data) =>
    add.mutate(data, { onSuccess: () => form.setFieldValue('title', ''), onError: showServerErrors }),
  );

  return (
    <Section id="tasks" title={t('tasks.title')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error ?? task.error} />
        {tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tasks.empty')}
          </Text>
        ) : null}
        {tasks.map((item) => {
          const overdue = !item.done && item.dueOn < today;
          return (
            <Group key={item.id} gap="xs" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={item.done}
                disabled={task.isPending}
                onChange={(event) => task.mutate({ taskId: item.id, done: event.currentTarget.checked })}
                label={taskTitle(t, item)}
                description={`${t('tasks.due')}: ${formatDay(item.dueOn, language)}`}
                styles={{ label: item.done ? { textDecoration: 'line-through' } : undefined }}
                style={{ flex: 1 }}
              />
              {item.kind === 'aftercare' ? (
                <Badge variant="light" color="yellow" tt="none">
                  {t('tasks.aftercare')}
                </Badge>
              ) : null}
              {overdue ? (
                <Badge variant="filled" color="red" tt="none">
                  {t('tasks.overdue')}
                </Badge>
              ) : null}
            </Group>
          );
        })}
        {detail.abilities.canEdit ? (
          <form onSubmit={submit} noValidate aria-label={t('tasks.add')}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('tasks.add')}
                {...form.getInputProps('title')}
                maxLength={300}
                style={{ flex: '1 1 12rem' }}
              />
              <TextInput label={t('tasks.due')} type="date" {...form.getInputProps('dueOn')} />
              <Button type="submit" variant="default" loading={add.isPending}>
                {t('common.add')}
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
