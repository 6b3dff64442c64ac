import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../../../shared/activities.schema';
import { currentLanguage } from '../../../i18n';
import { monthWeeks, weekDays } from '../calendar';

const LOCALES = { nl: 'nl-NL', en: 'en-GB', ar: 'ar-u-nu-latn', tr: 'tr-TR' } as const;

function useDayNames() {
  const language = currentLanguage();
  const weekday = new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', timeZone: 'UTC' });
  const full = new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return {
    short: (day: string) => weekday.format(new Date(`${day}T00:00:00Z`)),
    long: (day: string) => full.format(new Date(`${day}T00:00:00Z`)),
  };
}

function Entry({ a }: { a: ActivitySummary }) {
  return (
    <Anchor
      component={Link}
      to={`/activities/${a.id}`}
      size="xs"
      display="block"
      td={a.cancelled ? 'line-through' : undefined}
    >
      <span className="ltr-text">{a.startTime}</span> {a.title}
    </Anchor>
  );
}

const onDay = (items: ActivitySummary[], day: string) => items.filter((a) => a.date === day);

/** A month as a grid of weeks, Monday first; each day lists its activities as links. */
export function MonthView({ anchor, items }: { anchor: string; items: ActivitySummary[] }) {
  const names = useDayNames();
  const weeks = monthWeeks(anchor);
  const month = anchor.slice(0, 7);
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withColumnBorders withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            {weeks[0]!.map((day) => (
              <Table.Th key={day}>{names.short(day)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week[0]}>
              {week.map((day) => (
                <Table.Td key={day} valign="top" h={90} aria-label={names.long(day)}>
                  <Text size="xs" c={day.slice(0, 7) === month ? undefined : 'dimmed'} fw={600}>
                    {Number(day.slice(8))}
                  </Text>
                  {onDay(items, day).map((a) => (
                    <Entry key={a.id} a={a} />
                  ))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A week, Monday to Sunday: one block per day (stacked on a phone). */
export function WeekView({ anchor, items }: { anchor: string; items: ActivitySummary[] }) {
  const { t } = useTranslation();
  const names = useDayNames();
  return (
    <SimpleGrid cols={{ base: 1, sm: 7 }} spacing="xs">
      {weekDays(anchor).map((day) => {
        const today = onDay(items, day);
        return (
          <Paper key={day} withBorder p="xs" component="section" aria-label={names.long(day)}>
            <Stack gap={4}>
              <Title order={3} size="h6">
                {names.long(day)}
              </Title>
              {today.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('activities.nothingThisDay')}
                </Text>
              ) : (
                today.map((a) => <Entry key={a.id} a={a} />)
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
