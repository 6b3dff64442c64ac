import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function Flag({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <Badge color={ok ? 'teal' : 'red'} variant={ok ? 'light' : 'outline'} tt="none">
      {ok ? yes : no}
    </Badge>
  );
}

/** Trained / VOG / available as words (never colour alone). */
export function EligibilityBadges({
  trained,
  vogValid,
  available,
}: {
  trained: boolean;
  vogValid: boolean;
  available?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Flag ok={trained} yes={t('counsellors.trained')} no={t('counsellors.notTrained')} />
      <Flag ok={vogValid} yes={t('counsellors.vogValid')} no={t('counsellors.vogInvalid')} />
      {available !== undefined ? (
        <Flag ok={available} yes={t('counsellors.available')} no={t('counsellors.unavailable')} />
      ) : null}
    </Group>
  );
}

const STATUS_COLOURS = { candidate: 'yellow', active: 'teal', paused: 'gray', left: 'dark' } as const;

export function CounsellorStatusBadge({ status }: { status: keyof typeof STATUS_COLOURS }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" tt="none">
      {t(`counsellors.statuses.${status}`)}
    </Badge>
  );
}
