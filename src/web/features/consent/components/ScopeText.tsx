import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose, DataCategory, FormLanguage } from '../../../../shared/consent.schema';
import type { PartnerType } from '../../../../shared/partners.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useConsentText } from '../hooks';

interface ScopeTextProps {
  /** The form's language: the text is read to the caller in it, whatever the UI language. */
  language: FormLanguage;
  who: string;
  categories: DataCategory[];
  partnerName: string | null;
  partnerType: PartnerType | null;
  purpose: ConsentPurpose | '';
  purposeNote?: string;
  from: string;
  until: string | null;
  /** Shown as a box with a heading (before signing); plain in a consent card. */
  framed?: boolean;
}

const MISSING = '…';

function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (!day || Number.isNaN(date.getTime())) return MISSING;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * The exact scope, in the caller's form language and in the words of the consent PDF: who agrees, to share
 * what (each category explained), with whom, for what, how long, and how to withdraw. Read out (or shown)
 * before anyone signs.
 */
export function ScopeText(props: ScopeTextProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const text = useConsentText(props.language);
  const { who, categories, partnerName, partnerType, purpose, purposeNote, from, until } = props;

  let body;
  if (text.isPending) body = <Loading />;
  else if (text.error) body = <ErrorAlert error={text.error} />;
  else {
    const c = text.data;
    const recipient = partnerName ?? (partnerType ? c.everyPartnerOfType[partnerType] : MISSING);
    const heading = (label: string) => (
      <Text size="sm" fw={700} mt={4}>
        {label}
      </Text>
    );
    body = (
      <Stack gap={4} lang={c.language} dir={c.dir}>
        <Text size="sm">{c.intro}</Text>
        <Text size="sm">
          {c.givenBy}: <bdi>{who.trim() || MISSING}</bdi>
        </Text>
        {heading(c.scopeHeading)}
        {categories.length ? (
          <List size="sm" spacing={2} withPadding>
            {categories.map((category) => (
              <List.Item key={category}>
                <strong>{c.categories[category].label}</strong>: {c.categories[category].explanation}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{MISSING}</Text>
        )}
        {heading(c.recipientHeading)}
        <Text size="sm">
          <bdi>{recipient}</bdi>
        </Text>
        {heading(c.purposeHeading)}
        <Text size="sm">{purpose ? c.purposes[purpose] : MISSING}</Text>
        {purposeNote?.trim() ? (
          <Text size="sm">
            {c.purposeNote}: <bdi>{purposeNote.trim()}</bdi>
          </Text>
        ) : null}
        {heading(c.validityHeading)}
        <Text size="sm">
          {c.validFrom}: {formatDay(from, c.locale)}
          {until ? ` · ${c.validUntil}: ${formatDay(until, c.locale)}` : ''}
        </Text>
        {c.limits.map((line) => (
          <Text size="sm" key={line}>
            {line}
          </Text>
        ))}
        {heading(c.withdrawalHeading)}
        <Text size="sm">{c.withdrawal.join(' ')}</Text>
      </Stack>
    );
  }
  if (!props.framed) return body;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" aria-labelledby={titleId} component="section">
      <Title order={3} size="h5" id={titleId} mb={6}>
        {t('consent.scope.titleIn', { language: LANGUAGE_NAMES[props.language] })}
      </Title>
      {body}
    </Paper>
  );
}
