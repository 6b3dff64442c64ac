import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Consent, ConsentStatus } from '../../../../shared/consent.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';

const COLOURS: Record<ConsentStatus, string> = {
  active: 'teal',
  pending_written: 'orange',
  expired: 'gray',
  withdrawn: 'red',
};

/** Active, pending written (with its due date), expired or withdrawn. */
export function ConsentStatusBadge({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  const label =
    consent.status === 'pending_written' && consent.writtenDueOn
      ? t('consent.pendingDue', { date: formatDay(consent.writtenDueOn, currentLanguage()) })
      : t(`consent.statuses.${consent.status}`);
  return (
    <Badge
      color={COLOURS[consent.status]}
      variant={consent.status === 'active' ? 'filled' : 'light'}
      tt="none"
    >
      {label}
    </Badge>
  );
}
