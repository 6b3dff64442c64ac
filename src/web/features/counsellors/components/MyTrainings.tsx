import { List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, formatDay } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useMyTraining } from '../hooks';

/** A counsellor's own trainings: valid until, completed courses, sessions to come. */
export function MyTrainings() {
  const { t } = useTranslation();
  const mine = useMyTraining();
  const language = currentLanguage();
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  const data = mine.data;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('training.mine')}
      </Title>
      <Text size="sm">{trainedUntilText(t, data.trainedUntil, language)}</Text>
      <Title order={3} size="h5">
        {t('training.completed')}
      </Title>
      {data.completed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noneCompleted')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {data.completed.map((item, index) => (
            <List.Item key={index}>
              <Text span dir="auto" fw={500}>
                {item.course}
              </Text>{' '}
              · {formatDay(item.completedOn, language)}
              {item.expiresOn
                ? ` · ${t('training.validUntil', { date: formatDay(item.expiresOn, language) })}`
                : ''}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        {t('training.upcoming')}
      </Title>
      {data.upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noneUpcoming')}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {data.upcoming.map((item) => (
            <List.Item key={item.id}>
              <Text span dir="auto" fw={500}>
                {item.courseName}
              </Text>{' '}
              · {formatDateTime(item.startsAt, language)} ·{' '}
              <Text span dir="auto">
                {item.place}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function trainedUntilText(
  t: TFunction,
  until: string | null,
  language: ReturnType<typeof currentLanguage>,
): string {
  if (until === null) return t('training.basicMissing');
  if (until === 'forever') return t('training.trainedForever');
  return t('training.trainedUntil', { date: formatDay(until, language) });
}
