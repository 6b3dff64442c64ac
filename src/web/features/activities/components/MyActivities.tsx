import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDay, todayIso } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { addDaysTo } from '../calendar';
import { useActivities } from '../hooks';

/** A counsellor's home: the activities they facilitate (recent and coming); their hours are in the volunteer record. */
export function MyActivities() {
  const { t } = useTranslation();
  const today = todayIso();
  const activities = useActivities({ from: addDaysTo(today, -14), to: addDaysTo(today, 120), mine: true });
  const language = currentLanguage();
  const items = activities.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="home-activities">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-activities">
          {t('activities.mine.title')}
        </Title>
        <ErrorAlert error={activities.error} />
        {activities.isPending ? <Loading /> : null}
        {activities.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('activities.mine.empty')}
          </Text>
        ) : null}
        {items.length ? (
          <List spacing={4}>
            {items.map((a) => (
              <List.Item key={a.id}>
                <Anchor component={Link} to={`/activities/${a.id}`}>
                  {a.title}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {formatDay(a.date, language)} · <span className="ltr-text">{a.startTime}</span> ·{' '}
                  {a.municipality}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Card>
  );
}
