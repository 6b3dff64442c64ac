import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDay, formatList } from '../components/format';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { ActivityForm } from '../features/activities/components/ActivityForm';
import { ReportSection } from '../features/activities/components/ReportSection';
import { TasksSection } from '../features/activities/components/TasksSection';
import { useActivity, useActivityMutations, useActivityTypes } from '../features/activities/hooks';
import { publishedCountText, termLabelOf } from '../features/activities/labels';
import { currentLanguage } from '../i18n';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </div>
  );
}

export default function ActivityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const activity = useActivity(id);
  const types = useActivityTypes();
  const { update } = useActivityMutations();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const language = currentLanguage();
  if (activity.isPending) return <Loading />;
  if (activity.error) {
    if (isApiError(activity.error, 'not_found') || isApiError(activity.error, 'validation_failed'))
      return (
        <Stack>
          <PageHeading>{t('activities.notFound')}</PageHeading>
          <Anchor component={Link} to="/activities">
            {t('activities.backToList')}
          </Anchor>
        </Stack>
      );
    return <ErrorAlert error={activity.error} />;
  }
  const a = activity.data;
  const type = types.data?.items.find((x) => x.termId === a.typeId);
  return (
    <Stack maw={900}>
      <PageHeading>{a.title}</PageHeading>
      <Anchor component={Link} to="/activities" size="sm">
        {t('activities.backToList')}
      </Anchor>
      <Paper withBorder p="md">
        <Stack>
          <Group gap="xs">
            <Badge variant="light">{termLabelOf(type?.labels)}</Badge>
            {a.isPublic ? (
              <Badge color="teal" variant="light">
                {t('activities.public')}
              </Badge>
            ) : null}
            {a.cancelled ? <Badge color="gray">{t('activities.cancelled')}</Badge> : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Fact label={t('activities.when')}>
              {formatDay(a.date, language)},{' '}
              <span className="ltr-text">
                {a.startTime}–{a.endTime}
              </span>
            </Fact>
            <Fact label={t('activities.where')}>
              {formatList(
                [a.place, a.municipality].filter((part): part is string => Boolean(part)),
                language,
              )}
            </Fact>
            <Fact label={t('activities.languages')}>
              {formatList(
                a.languages.map((code) => t(`conversationLanguages.${code}`)),
                language,
              )}
            </Fact>
            <Fact label={t('activities.audience')}>{t(`activities.audiences.${a.audience}`)}</Fact>
            <Fact label={t('activities.facilitators')}>
              {formatList(
                a.facilitators.map((f) => f.name),
                language,
              ) || '—'}
            </Fact>
            <Fact label={t('activities.host')}>{a.hostPartner?.name ?? '—'}</Fact>
            <Fact label={t('activities.partners')}>
              {formatList(
                a.partners.map((p) => p.name),
                language,
              ) || '—'}
            </Fact>
            <Fact label={t('activities.attendees')}>{a.attendees ?? '—'}</Fact>
            <Fact label={t('activities.requestsFollowed')}>
              <span className="ltr-text">{publishedCountText(a.requestsFollowed)}</span>
            </Fact>
          </SimpleGrid>
          {a.requestsFollowed.suppressed ? (
            <Text size="xs" c="dimmed">
              {t('activities.requestsSuppressed', { n: a.requestsFollowed.threshold })}
            </Text>
          ) : null}
          {a.canEdit ? (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('activities.edit')}
              </Button>
              <Button
                variant="default"
                color={a.cancelled ? undefined : 'red'}
                onClick={() => {
                  update.reset();
                  setCancelling(true);
                }}
              >
                {a.cancelled ? t('activities.restore') : t('activities.cancel')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      {a.canReport ? <ReportSection key={a.id} activity={a} /> : null}
      <TasksSection activity={a} canChange={a.canReport} />
      {editing ? <ActivityForm activity={a} onClose={() => setEditing(false)} /> : null}
      <ConfirmDialog
        opened={cancelling}
        danger={!a.cancelled}
        title={a.cancelled ? t('activities.confirmRestore.title') : t('activities.confirmCancel.title')}
        body={a.cancelled ? t('activities.confirmRestore.body') : t('activities.confirmCancel.body')}
        confirmLabel={a.cancelled ? t('activities.restore') : t('activities.cancel')}
        loading={update.isPending}
        error={update.error}
        onClose={() => setCancelling(false)}
        onConfirm={() =>
          update.mutate({ id: a.id, cancelled: !a.cancelled }, { onSuccess: () => setCancelling(false) })
        }
      />
    </Stack>
  );
}
