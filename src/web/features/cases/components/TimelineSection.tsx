import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import type { TimelineEntry, TimelineKind } from '../../../../shared/timeline.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, formatDay } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { fetchTimeline, timelineKey } from '../api';
import { Section } from './Section';

const COLOURS: Record<TimelineKind, string> = {
  opened: 'gray',
  contact: 'blue',
  state: 'violet',
  assigned: 'violet',
  subject_status: 'orange',
  intervention: 'teal',
  consent: 'green',
  consent_withdrawn: 'red',
  referral: 'indigo',
  referral_sent: 'indigo',
};

/** The sentence of one entry: typed facts in the UI language; names and partners isolated for Arabic. */
function describe(
  t: TFunction,
  entry: TimelineEntry,
  subjectAlias: (id: string) => string,
  term: (id: string) => string,
): ReactNode {
  switch (entry.kind) {
    case 'opened':
      return t('caseTimeline.opened');
    case 'contact':
      return entry.intake
        ? t('caseTimeline.intake', { channel: t(`channels.${entry.channel}`) })
        : entry.durationMinutes
          ? t('caseTimeline.contactMinutes', {
              channel: t(`channels.${entry.channel}`),
              n: entry.durationMinutes,
            })
          : t('caseTimeline.contact', { channel: t(`channels.${entry.channel}`) });
    case 'state':
      return t('caseTimeline.state', {
        from: t(`caseStates.${entry.from}`),
        to: t(`caseStates.${entry.to}`),
      });
    case 'assigned':
      return isolatedValues((slots) => t('caseTimeline.assigned', slots), {
        name: entry.counsellorName ?? '—',
      });
    case 'subject_status':
      return isolatedValues(
        (slots) =>
          t('caseTimeline.subjectStatus', { ...slots, status: t(`subjectStatuses.${entry.status}`) }),
        { name: subjectAlias(entry.subjectId) },
      );
    case 'intervention':
      return t('caseTimeline.intervention', { name: term(entry.interventionId) });
    case 'consent':
    case 'consent_withdrawn':
      return isolatedValues((slots) => t(`caseTimeline.${entry.kind}`, slots), {
        recipient: entry.partnerName ?? (entry.partnerType ? t(`partners.types.${entry.partnerType}`) : '—'),
        purpose: t(`consentPurposes.${entry.purpose}.label`),
      });
    case 'referral':
    case 'referral_sent':
      return isolatedValues((slots) => t(`caseTimeline.${entry.kind}`, slots), {
        recipient: entry.partnerName,
        purpose: t(`consentPurposes.${entry.purpose}.label`),
      });
  }
}

/**
 * The case's story at a glance, newest first: calls, state changes, statuses, interventions, consents and
 * referrals. Typed facts only; the notes stay in their own tabs. Older entries come with "show more".
 */
export function TimelineSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const taxonomy = useTaxonomy();
  const timeline = useInfiniteQuery({
    queryKey: timelineKey(detail.id),
    queryFn: ({ pageParam }) => fetchTimeline(detail.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  const alias = (id: string) => detail.subjects.find((s) => s.id === id)?.alias ?? '—';

  return (
    <Section id="timeline" title={t('caseTimeline.title')}>
      {timeline.isPending ? <Loading /> : null}
      <ErrorAlert error={timeline.error} />
      {timeline.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseTimeline.empty')}
        </Text>
      ) : null}
      {items.length ? (
        <Stack
          gap={6}
          component="ol"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('caseTimeline.title')}
        >
          {items.map((entry) => (
            <Stack key={entry.id} component="li" gap={2}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" variant="light" color={COLOURS[entry.kind]} tt="none">
                  {t(`caseTimeline.kinds.${entry.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  <bdi>{entry.at ? formatDateTime(entry.at, language) : formatDay(entry.on, language)}</bdi>
                </Text>
              </Group>
              <Text size="sm">{describe(t, entry, alias, (id) => taxonomy.label(id))}</Text>
            </Stack>
          ))}
        </Stack>
      ) : null}
      {timeline.hasNextPage ? (
        <Button
          mt="sm"
          size="xs"
          variant="default"
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {t('caseTimeline.showMore')}
        </Button>
      ) : null}
    </Section>
  );
}
