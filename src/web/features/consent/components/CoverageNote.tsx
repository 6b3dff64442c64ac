import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consent.schema';
import type { Coverage } from '../../../../shared/referrals.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { categoryLabels, joinList } from '../labels';

interface CoverageNoteProps {
  coverage: Coverage;
  /** The case's consents, to name the covering one by its dates. */
  consents?: Consent[];
  compact?: boolean;
}

/**
 * Whether an active, written consent covers a disclosure — as the server decided — and, if not, what the
 * closest consents lack, in terms a counsellor can act on.
 */
export function CoverageNote({ coverage, consents = [], compact }: CoverageNoteProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (coverage.covered) {
    const consent = consents.find((item) => item.id === coverage.consentId);
    return (
      <Text size="sm" c="teal.9" fw={500} role="status">
        {consent
          ? t('coverage.coveredBy', {
              from: formatDay(consent.givenOn, language),
              until: formatDay(consent.validUntil, language),
            })
          : t('coverage.covered')}
      </Text>
    );
  }
  const gaps = coverage.gaps.length ? coverage.gaps : (['no_consent'] as const);
  const reasons = gaps.map((gap) =>
    t(`coverage.gaps.${gap}`, {
      categories: joinList(categoryLabels(t, coverage.missingCategories), language),
    }),
  );
  if (compact) {
    return (
      <Text size="sm" c="orange.9">
        {t('coverage.notCovered')}: {reasons.join(' ')}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" title={t('coverage.notCovered')} p="xs">
      <List size="sm" spacing={2}>
        {reasons.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
