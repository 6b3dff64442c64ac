import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { CaseSummary } from '../../../../shared/cases.schema';
import type { AlertSchema, TaskItemSchema } from '../../../../shared/work.schema';
import { formatDateTime, formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { StateBadge, UrgentBadge } from '../../cases/components/CaseBadges';
import { taskTitle } from '../../cases/taskTitle';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useMarkAlertRead } from '../hooks/useMyWork';

type TaskItem = z.infer<typeof TaskItemSchema>;
type AlertItem = z.infer<typeof AlertSchema>;

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

/** Cases by reference, state and category — never their content. */
export function CaseLinks({
  items,
  empty,
  showCounsellor,
}: {
  items: CaseSummary[];
  empty: string;
  showCounsellor?: boolean;
}) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  if (items.length === 0) return <Empty text={empty} />;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.id}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/cases/${item.id}`} fw={600} className="ltr-text">
              {item.reference}
            </Anchor>
            <StateBadge state={item.state} />
            {item.urgent ? <UrgentBadge /> : null}
            {item.overdueTasks > 0 ? (
              <Badge color="red" variant="light" tt="none">
                {t('cases.overdueCount', { n: item.overdueTasks })}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {[
              taxonomy.label(item.categoryId),
              item.municipality || null,
              showCounsellor ? (item.counsellorName ?? t('cases.noCounsellor')) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

export function TaskLinks({ items, empty }: { items: TaskItem[]; empty: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <Empty text={empty} />;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.id}>
          <Group gap="xs" wrap="wrap" justify="space-between">
            <Anchor component={Link} to={`/cases/${item.caseId}#tasks`} size="sm" fw={500}>
              {taskTitle(t, item)}
            </Anchor>
            {item.overdue ? (
              <Badge color="red" variant="filled" tt="none">
                {t('tasks.overdue')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c={item.overdue ? 'red.8' : 'dimmed'}>
            <span className="ltr-text">{item.caseReference}</span> · {t('tasks.due')}:{' '}
            {formatDay(item.dueOn, language)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

export function AlertList({ items }: { items: AlertItem[] }) {
  const { t } = useTranslation();
  const read = useMarkAlertRead();
  const language = currentLanguage();
  if (items.length === 0) return <Empty text={t('work.noAlerts')} />;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.id}>
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" fw={500}>
                {t(`work.alertKinds.${item.kind}`)}{' '}
                {item.caseId && item.caseReference ? (
                  <Anchor
                    component={Link}
                    to={`/cases/${item.caseId}${item.kind.startsWith('emergency_') ? '#emergency' : ''}`}
                    className="ltr-text"
                  >
                    {item.caseReference}
                  </Anchor>
                ) : null}
              </Text>
              {item.kind === 'emergency_request' ? (
                <Anchor component={Link} to="/emergency-approvals" size="sm" fw={600}>
                  {t('work.decideEmergency')}
                </Anchor>
              ) : null}
              <Text size="xs" c="dimmed">
                {formatDateTime(item.createdAt, language)}
              </Text>
            </div>
            <Button
              size="compact-xs"
              variant="default"
              loading={read.isPending && read.variables === item.id}
              onClick={() => read.mutate(item.id)}
              aria-label={t('work.markReadFor', { reference: item.caseReference ?? '' })}
            >
              {t('work.markRead')}
            </Button>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
