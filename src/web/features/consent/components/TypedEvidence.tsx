import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Disclosure } from '../../../../shared/referrals.schema';
import { formatDateTime } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { currentLanguage } from '../../../i18n';

type Evidence = NonNullable<Disclosure['typedSignature']>;

/**
 * The evidence of a typed-name signature: where, when and with whom it was typed, who was present, the
 * hash of the exact text shown, and whether a second staff member confirmed it (or, with `awaiting`, that
 * one still has to before anything goes to the authorities).
 */
export function TypedEvidence({ evidence, awaiting }: { evidence: Evidence; awaiting: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <Text size="xs" c="dimmed">
        {isolatedValues((slots) => t('typedEvidence.taken', slots), {
          device: evidence.device || t('typedEvidence.unknownDevice'),
          time: formatDateTime(evidence.signedAt, language),
          by: evidence.signedBy ?? '—',
        })}
      </Text>
      {evidence.present ? (
        <Text size="xs" c="dimmed">
          {isolatedValues((slots) => t('typedEvidence.presentLine', slots), { present: evidence.present })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {isolatedValues((slots) => t('typedEvidence.hash', slots), { hash: evidence.shownTextSha256 })}
      </Text>
      {evidence.confirmedBy !== null && evidence.confirmedAt ? (
        <Text size="xs" c="teal.9">
          {isolatedValues((slots) => t('typedEvidence.confirmed', slots), {
            name: evidence.confirmedBy,
            time: formatDateTime(evidence.confirmedAt, language),
          })}
        </Text>
      ) : awaiting ? (
        <Text size="xs" c="orange.9">
          {t('typedEvidence.awaiting')}
        </Text>
      ) : null}
    </>
  );
}
