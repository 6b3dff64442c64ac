import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../shared/cases.schema';

const STATE_COLORS: Record<CaseState, string> = {
  intake: 'blue',
  matching: 'violet',
  active: 'teal',
  aftercare: 'yellow',
  closed: 'gray',
};

const badgeStyles = { root: { overflow: 'visible' }, label: { overflow: 'visible' } };

export function StateBadge({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" tt="none" styles={badgeStyles}>
      {t(`caseStates.${state}`)}
    </Badge>
  );
}

export function UrgentBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" tt="none" styles={badgeStyles}>
      {t('cases.urgent')}
    </Badge>
  );
}
