import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../hooks/useCallTimer';

interface CallTimerProps {
  running: boolean;
  seconds: number;
  onToggle: () => void;
}

/** The call's running time (mm:ss) with one start/pause button; it fills the duration field below. */
export function CallTimer({ running, seconds, onToggle }: CallTimerProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="center" wrap="nowrap" role="group" aria-label={t('intake.timer.label')}>
      <Text size="sm" c="dimmed">
        {t('intake.timer.label')}
      </Text>
      {/* Not live: a screen reader announcing every second would drown the call. */}
      <Text
        fw={700}
        ff="monospace"
        size="lg"
        className="ltr-text"
        data-testid="call-timer"
        aria-label={t('intake.timer.elapsed', { time: formatClock(seconds) })}
      >
        {formatClock(seconds)}
      </Text>
      <Button size="xs" variant={running ? 'default' : 'light'} onClick={onToggle} aria-pressed={running}>
        {running ? t('intake.timer.pause') : seconds > 0 ? t('intake.timer.resume') : t('intake.timer.start')}
      </Button>
    </Group>
  );
}
