import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GoalInputSchema } from '../../../../shared/cases.schema';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { useAddCaseItem, useCaseMutations } from '../hooks/useCases';
import { Section } from './Section';

const STATUSES = ['open', 'achieved', 'dropped'] as const;

/** Plan and goals, each with its status (open, achieved, dropped). */
export function GoalsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const add = useAddCaseItem(detail.id, 'goals');
  const { goal } = useCaseMutations(detail.id);
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { text: '' },
    schema: GoalInputSchema,
  });
  const submit = onSubmit((data) =>
    add.mutate(data, { onSuccess: () => form.reset(), onError: showServerErrors }),
  );

  return (
    <Section id="goals" title={t('goals.title')}>
      <Stack gap="sm">
        <ErrorAlert error={add.error ?? goal.error} />
        {detail.goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('goals.empty')}
          </Text>
        ) : null}
        {detail.goals.map((item) => (
          <Group key={item.id} justify="space-between" wrap="wrap" gap="xs">
            <Text
              size="sm"
              dir="auto"
              td={item.status === 'dropped' ? 'line-through' : undefined}
              style={{ flex: '1 1 12rem' }}
            >
              {item.text}
            </Text>
            <SegmentedControl
              size="xs"
              value={item.status}
              disabled={!detail.abilities.canEdit || goal.isPending}
              onChange={(status) => goal.mutate({ goalId: item.id, status: status })}
              data={STATUSES.map((status) => ({ value: status, label: t(`goals.status.${status}`) }))}
              aria-label={t('goals.statusOf', { goal: item.text })}
            />
          </Group>
        ))}
        {detail.abilities.canEdit ? (
          <form onSubmit={submit} noValidate aria-label={t('goals.add')}>
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('goals.add')}
                {...form.getInputProps('text')}
                maxLength={1000}
                style={{ flex: '1 1 14rem' }}
              />
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
