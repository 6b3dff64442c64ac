import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, nowLocalInput } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useCounsellors } from '../../counsellors/hooks';
import type { TrainingOverview, TrainingSession } from '../api';
import { useTrainingMutations } from '../hooks';

function SessionCard({ session }: { session: TrainingSession }) {
  const { t } = useTranslation();
  const counsellors = useCounsellors();
  const { attendance } = useTrainingMutations();
  const [adding, setAdding] = useState('');
  const present = new Set(session.attendees.map((a) => a.userId));
  const others = (counsellors.data?.items ?? []).filter((c) => !present.has(c.userId));
  const busy = (userId: string) => attendance.isPending && attendance.variables?.userId === userId;
  const titleId = `session-${session.id}`;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId} dir="auto">
        {session.courseName}
      </Title>
      <Text size="sm" c="dimmed">
        {formatDateTime(session.startsAt, currentLanguage())} · <span dir="auto">{session.place}</span> ·{' '}
        {t('training.trainer')}: <span dir="auto">{session.trainer}</span>
      </Text>
      {attendance.error && attendance.variables && present.has(attendance.variables.userId) ? (
        <ErrorAlert error={attendance.error} />
      ) : null}
      {session.attendees.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('training.noAttendees')}
        </Text>
      ) : (
        <Table verticalSpacing={4} mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('counsellors.name')}</Table.Th>
              <Table.Th scope="col">{t('training.attended')}</Table.Th>
              <Table.Th scope="col">{t('training.completedCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {session.attendees.map((a) => (
              <Table.Tr key={a.userId}>
                <Table.Th scope="row" fw={500} dir="auto">
                  {a.name}
                </Table.Th>
                <Table.Td>
                  <Checkbox
                    checked={a.attended}
                    disabled={busy(a.userId)}
                    aria-label={t('training.attendedFor', { name: a.name })}
                    onChange={(event) =>
                      attendance.mutate({
                        sessionId: session.id,
                        userId: a.userId,
                        attended: event.currentTarget.checked,
                        completed: event.currentTarget.checked && a.completedOn !== null,
                      })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={a.completedOn !== null}
                    disabled={busy(a.userId) || !a.attended}
                    aria-label={t('training.completedFor', { name: a.name })}
                    onChange={(event) =>
                      attendance.mutate({
                        sessionId: session.id,
                        userId: a.userId,
                        attended: true,
                        completed: event.currentTarget.checked,
                      })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {others.length > 0 ? (
        <Group gap="xs" mt="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('training.addAttendee')}
            value={adding}
            onChange={(event) => setAdding(event.currentTarget.value)}
            data={[
              { value: '', label: t('assign.choose') },
              ...others.map((c) => ({ value: c.userId, label: c.name })),
            ]}
          />
          <Button
            size="xs"
            variant="default"
            disabled={!adding}
            loading={busy(adding)}
            onClick={() =>
              attendance.mutate(
                { sessionId: session.id, userId: adding, attended: false, completed: false },
                { onSuccess: () => setAdding('') },
              )
            }
          >
            {t('common.add')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

/** Training sessions (newest first) with attendance, and a form to plan one. */
export function SessionsSection({ overview }: { overview: TrainingOverview }) {
  const { t } = useTranslation();
  const { session } = useTrainingMutations();
  const [courseId, setCourseId] = useState('');
  const [startsAt, setStartsAt] = useState(nowLocalInput);
  const [place, setPlace] = useState('');
  const [trainer, setTrainer] = useState('');
  const [missing, setMissing] = useState<string[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const absent = Object.entries({ courseId, startsAt, place: place.trim(), trainer: trainer.trim() })
      .filter(([, value]) => !value)
      .map(([key]) => key);
    setMissing(absent);
    if (absent.length) return;
    session.mutate(
      { courseId, startsAt: new Date(startsAt).toISOString(), place: place.trim(), trainer: trainer.trim() },
      {
        onSuccess: () => {
          setPlace('');
          setTrainer('');
        },
      },
    );
  }
  const required = (key: string) => (missing.includes(key) ? t('fieldErrors.required') : undefined);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('training.sessions')}
      </Title>
      {overview.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('training.noSessions')}
        </Text>
      ) : (
        overview.sessions.map((item) => <SessionCard key={item.id} session={item} />)
      )}
      {overview.courses.length > 0 ? (
        <form onSubmit={submit} noValidate aria-label={t('training.newSession')}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('training.newSession')}
            </Title>
            <ErrorAlert error={session.error} />
            <Group gap="xs" align="flex-start" wrap="wrap">
              <NativeSelect
                label={t('training.course')}
                value={courseId}
                onChange={(event) => setCourseId(event.currentTarget.value)}
                data={[
                  { value: '', label: t('training.chooseCourse') },
                  ...overview.courses.map((c) => ({ value: c.id, label: c.name })),
                ]}
                error={required('courseId')}
                required
              />
              <TextInput
                type="datetime-local"
                label={t('training.startsAt')}
                value={startsAt}
                onChange={(event) => setStartsAt(event.currentTarget.value)}
                error={required('startsAt')}
                classNames={{ input: 'ltr-text' }}
                required
              />
              <TextInput
                label={t('training.place')}
                value={place}
                onChange={(event) => setPlace(event.currentTarget.value)}
                error={required('place')}
                maxLength={120}
                required
              />
              <TextInput
                label={t('training.trainer')}
                value={trainer}
                onChange={(event) => setTrainer(event.currentTarget.value)}
                error={required('trainer')}
                maxLength={120}
                required
              />
            </Group>
            <Group>
              <Button type="submit" variant="default" loading={session.isPending}>
                {t('training.addSession')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
