import { ActionIcon, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../../shared/counsellors.schema';
import type { Availability } from '../../../../shared/counsellors.schema';

interface AvailabilityEditorProps {
  value: Availability;
  onChange: (value: Availability) => void;
  disabled?: boolean;
}

/** Weekly hours: per weekday up to four from–to ranges (Europe/Amsterdam time). Wraps on a phone. */
export function AvailabilityEditor({ value, onChange, disabled }: AvailabilityEditorProps) {
  const { t } = useTranslation();
  const setDay = (day: (typeof WEEKDAYS)[number], ranges: [string, string][]) =>
    onChange({ ...value, [day]: ranges });
  return (
    <Stack gap="xs" role="group" aria-label={t('counsellors.availability')}>
      {WEEKDAYS.map((day, dayIndex) => {
        const ranges: [string, string][] = value[day].map((range) => [range[0], range[1]]);
        const dayName = t(`counsellors.weekdays.${day}`);
        return (
          <Fragment key={day}>
            {dayIndex > 0 ? <Divider /> : null}
            <Group align="flex-start" gap="xs" wrap="wrap">
              <Text fw={600} size="sm" w={100} pt={4}>
                {dayName}
              </Text>
              <Stack gap={4} style={{ flex: '1 1 240px' }}>
                {ranges.length === 0 ? (
                  <Text size="sm" c="dimmed" pt={4}>
                    {t('counsellors.notAvailable')}
                  </Text>
                ) : null}
                {ranges.map(([from, to], index) => (
                  <Group key={index} gap={6} wrap="nowrap">
                    <TextInput
                      type="time"
                      size="xs"
                      w={110}
                      value={from}
                      disabled={disabled}
                      aria-label={t('counsellors.fromFor', { day: dayName, n: index + 1 })}
                      onChange={(event) => {
                        const next = [...ranges];
                        next[index] = [event.currentTarget.value, to];
                        setDay(day, next);
                      }}
                      classNames={{ input: 'ltr-text' }}
                    />
                    <Text size="sm" aria-hidden>
                      –
                    </Text>
                    <TextInput
                      type="time"
                      size="xs"
                      w={110}
                      value={to}
                      disabled={disabled}
                      aria-label={t('counsellors.toFor', { day: dayName, n: index + 1 })}
                      onChange={(event) => {
                        const next = [...ranges];
                        next[index] = [from, event.currentTarget.value];
                        setDay(day, next);
                      }}
                      classNames={{ input: 'ltr-text' }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={disabled}
                      onClick={() =>
                        setDay(
                          day,
                          ranges.filter((_, i) => i !== index),
                        )
                      }
                      aria-label={t('counsellors.removeRange', { day: dayName, n: index + 1 })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                ))}
                {ranges.length < 4 ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    disabled={disabled}
                    onClick={() => setDay(day, [...ranges, ['09:00', '17:00']])}
                    aria-label={t('counsellors.addRangeFor', { day: dayName })}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('counsellors.addRange')}
                  </Button>
                ) : null}
              </Stack>
            </Group>
          </Fragment>
        );
      })}
    </Stack>
  );
}
