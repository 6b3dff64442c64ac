import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose, DataCategory } from '../../../../shared/consent.schema';
import { formatDay } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { currentLanguage } from '../../../i18n';

interface ScopeTextProps {
  who: string;
  categories: DataCategory[];
  recipient: string;
  purpose: ConsentPurpose | '';
  purposeNote?: string;
  from: string;
  until: string | null;
  /** Shown as a box with a heading (before signing); plain in a consent card. */
  framed?: boolean;
}

/**
 * The exact scope, in words a caller can follow: who agrees, to share what, with whom, for what, how long.
 * Read out (or shown) before anyone signs.
 */
export function ScopeText({
  who,
  categories,
  recipient,
  purpose,
  purposeNote,
  from,
  until,
  framed,
}: ScopeTextProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const language = currentLanguage();
  const missing = t('consent.scope.missing');
  const body = (
    <Stack gap={6}>
      <Text size="sm" dir="auto">
        {isolatedValues((slots) => t('consent.scope.lead', slots), {
          who: who.trim() || missing,
          recipient: recipient || missing,
          purpose: purpose ? t(`consentPurposes.${purpose}.label`) : missing,
        })}
      </Text>
      {categories.length ? (
        <List size="sm" spacing={2} withPadding>
          {categories.map((category) => (
            <List.Item key={category}>
              <strong>{t(`dataCategories.${category}.label`)}</strong>: {t(`dataCategories.${category}.hint`)}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('consent.scope.noCategories')}
        </Text>
      )}
      {purposeNote?.trim() ? (
        <Text size="sm" dir="auto">
          {isolatedValues((slots) => t('consent.scope.note', slots), { note: purposeNote.trim() })}
        </Text>
      ) : null}
      <Text size="sm">
        {until
          ? t('consent.scope.period', { from: formatDay(from, language), until: formatDay(until, language) })
          : t('consent.scope.periodDefault', { from: formatDay(from, language) })}
      </Text>
      <Text size="sm">{t('consent.scope.revocable')}</Text>
    </Stack>
  );
  if (!framed) return body;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" aria-labelledby={titleId} component="section">
      <Title order={3} size="h5" id={titleId} mb={6}>
        {t('consent.scope.title')}
      </Title>
      {body}
    </Paper>
  );
}
