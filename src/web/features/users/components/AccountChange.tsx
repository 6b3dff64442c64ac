import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountEvent } from '../../../../shared/four-eyes.schema';
import type { UiLanguage } from '../../../../shared/roles';
import { formatDateTime } from '../../../components/format';

/** One account change in a sentence: who did what to whose account, and when. */
export function AccountChange({ event }: { event: AccountEvent }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm">
      {t(`fourEyes.eventKinds.${event.kind}`, {
        actor: event.actor?.name ?? t('fourEyes.system'),
        subject: event.subject.name,
        role: t(`roles.${event.toRole ?? event.subject.role}`),
      })}{' '}
      <Text span c="dimmed" size="xs">
        {formatDateTime(event.at, i18n.language as UiLanguage)}
      </Text>
    </Text>
  );
}
