import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyWork } from '../../../../shared/work.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { taskTitle } from '../../cases/taskTitle';
import { OffersInbox } from '../../matching/components/OffersInbox';
import { WorkCard } from './WorkCard';
import { AlertList, CaseLinks, TaskLinks } from './WorkLists';

/** The counsellor's next thing to do: the earliest open task (overdue ones come first by date). */
function NextUp({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const next = work.tasks[0];
  return (
    <Card
      withBorder
      padding="md"
      bg={next?.overdue ? 'red.0' : 'teal.0'}
      component="section"
      aria-labelledby="work-next"
    >
      <Text id="work-next" size="sm" fw={700} c="dimmed" tt="uppercase">
        {t('work.next')}
      </Text>
      {next ? (
        <>
          <Anchor component={Link} to={`/cases/${next.caseId}`} fw={700} size="lg">
            {taskTitle(t, next)}
          </Anchor>
          <Text size="sm" c={next.overdue ? 'red.8' : undefined}>
            <span className="ltr-text">{next.caseReference}</span> · {t('tasks.due')}:{' '}
            {formatDay(next.dueOn, currentLanguage())}
            {next.overdue ? ` · ${t('tasks.overdue')}` : ''}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('work.nothingDue')}</Text>
      )}
    </Card>
  );
}

export function CounsellorWork({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <OffersInbox />
      <WorkCard id="work-families" title={t('work.myFamilies')} count={work.myCases.length}>
        <CaseLinks items={work.myCases} empty={t('work.noFamilies')} />
      </WorkCard>
      <NextUp work={work} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WorkCard id="work-tasks" title={t('work.myTasks')} count={work.tasks.length} tone="red">
          <TaskLinks items={work.tasks} empty={t('work.noTasks')} />
        </WorkCard>
        <WorkCard id="work-alerts" title={t('work.alerts')} count={work.alerts.length}>
          <AlertList items={work.alerts} />
        </WorkCard>
      </SimpleGrid>
    </Stack>
  );
}

export function CoordinatorWork({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group gap="sm">
        <Button component={Link} to="/intake">
          {t('nav.newCall')}
        </Button>
        <Text size="sm">{t('work.newContacts', { n: work.newContacts })}</Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WorkCard id="work-urgent" title={t('work.urgent')} count={work.urgent.length} tone="red">
          <CaseLinks items={work.urgent} empty={t('work.noUrgent')} showCounsellor />
        </WorkCard>
        <WorkCard id="work-unassigned" title={t('work.unassigned')} count={work.unassigned.length}>
          <CaseLinks items={work.unassigned} empty={t('work.noUnassigned')} />
        </WorkCard>
        <WorkCard
          id="work-aftercare"
          title={t('work.overdueAftercare')}
          count={work.overdueAftercare.length}
          tone="red"
        >
          <TaskLinks items={work.overdueAftercare} empty={t('work.noOverdueAftercare')} />
        </WorkCard>
        <WorkCard id="work-alerts" title={t('work.alerts')} count={work.alerts.length}>
          <AlertList items={work.alerts} />
        </WorkCard>
        <WorkCard id="work-mine" title={t('work.myCases')} count={work.myCases.length}>
          <CaseLinks items={work.myCases} empty={t('work.noMyCases')} showCounsellor />
        </WorkCard>
        <WorkCard id="work-tasks" title={t('work.myTasks')} count={work.tasks.length} tone="red">
          <TaskLinks items={work.tasks} empty={t('work.noTasks')} />
        </WorkCard>
      </SimpleGrid>
    </Stack>
  );
}
