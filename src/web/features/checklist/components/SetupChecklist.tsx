import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChecklistItemKey } from '../../../../shared/checklist.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useChecklist, useDismissChecklist } from '../hooks';

/** Where each step is done. */
const TARGET: Record<ChecklistItemKey, string> = {
  organisation: '/settings/aftercare',
  staff: '/users',
  counsellors: '/counsellors',
  partners: '/partners',
  consent: '/settings/aftercare',
};

/** The admin's set-up steps, each ticked off by the server from real records, until the admin puts it away. */
export function SetupChecklist() {
  const { t } = useTranslation();
  const list = useChecklist();
  const dismiss = useDismissChecklist();
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (list.data.dismissed) return null;
  const doneCount = list.data.items.filter((i) => i.done).length;
  const total = list.data.items.length;
  return (
    <Card withBorder component="section" aria-labelledby="setup-checklist" padding="md">
      <Title order={2} size="h4" id="setup-checklist" mb={4}>
        {t('checklist.title')}
      </Title>
      <Text size="sm" mb="xs">
        {list.data.allDone ? t('checklist.allDone') : t('checklist.intro')}
      </Text>
      <Progress
        value={(doneCount / total) * 100}
        mb={4}
        aria-label={t('checklist.progress', { done: doneCount, total })}
      />
      <Text size="xs" c="dimmed" mb="sm">
        {t('checklist.progress', { done: doneCount, total })}
      </Text>
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.data.items.map((item) => (
          <Group
            component="li"
            key={item.key}
            justify="space-between"
            wrap="nowrap"
            gap="xs"
            align="flex-start"
          >
            <Stack gap={0} miw={0}>
              <Anchor component={Link} to={TARGET[item.key]} fw={600}>
                {t(`checklist.items.${item.key}.title`)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`checklist.items.${item.key}.hint`)}
              </Text>
            </Stack>
            <Badge
              color={item.done ? 'teal' : 'gray'}
              variant={item.done ? 'filled' : 'outline'}
              miw="fit-content"
            >
              {item.done ? t('checklist.done') : t('checklist.todo')}
            </Badge>
          </Group>
        ))}
      </Stack>
      {list.data.allDone ? (
        <Group mt="md">
          <Button variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate()}>
            {t('checklist.dismiss')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={dismiss.error} />
    </Card>
  );
}
