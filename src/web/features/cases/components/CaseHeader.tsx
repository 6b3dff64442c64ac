import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseState } from '../../../../shared/cases.schema';
import { formatDateTime, formatDay } from '../../../components/format';
import { withIsolated } from '../../../components/isolate';
import { usePageTitle } from '../../../components/usePageTitle';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { taskTitle } from '../taskTitle';
import { StateBadge, UrgentBadge } from './CaseBadges';

/** The states a case is closed to; each has its own title and text in the closing dialog. */
export type ClosingState = Extract<CaseState, 'aftercare' | 'closed'>;

/** Closing means leaving the active work: to aftercare, or straight to closed. Both need a closure code. */
export function closingTarget(from: CaseState, to: CaseState): ClosingState | null {
  return to === 'aftercare' || (to === 'closed' && from !== 'aftercare') ? to : null;
}

export function isClosing(from: CaseState, to: CaseState): boolean {
  return closingTarget(from, to) !== null;
}

interface CaseHeaderProps {
  detail: CaseDetail;
  busy: boolean;
  onAssign: () => void;
  onTransition: (to: CaseState) => void;
  onLogContact: () => void;
  /** Opens the tasks tab (from the "next task" line). */
  onShowTasks: () => void;
}

/** Reference, state, urgency, counsellor, and only the actions the server allows. */
export function CaseHeader({
  detail,
  busy,
  onAssign,
  onTransition,
  onLogContact,
  onShowTasks,
}: CaseHeaderProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('case.title', { reference: detail.reference }));
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) heading.current?.focus();
  }, []);
  const language = currentLanguage();
  const nextTask = detail.tasks
    .filter((task) => !task.done)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const label = (to: CaseState) =>
    to === 'active' && (detail.state === 'closed' || detail.state === 'aftercare')
      ? t('transitions.reopen')
      : t(`transitions.to.${to}`);

  return (
    <Stack gap="xs">
      <Group gap="sm" align="center">
        <Title order={1} size="h2" ref={heading} tabIndex={-1}>
          {withIsolated((reference) => t('case.title', { reference }), detail.reference)}
        </Title>
        <StateBadge state={detail.state} />
        {detail.urgent ? <UrgentBadge /> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {taxonomy.label(detail.categoryId)} ·{' '}
        {t('case.openedOn', { when: formatDateTime(detail.openedAt, language) })}
      </Text>
      <Group gap="md" wrap="wrap">
        <Text size="sm">
          {t('cases.counsellor')}: <strong>{detail.counsellor?.name ?? t('cases.noCounsellor')}</strong>
        </Text>
        <Text size="sm">
          {t('caseTabs.nextTask')}:{' '}
          {nextTask ? (
            <Anchor component="button" type="button" size="sm" onClick={onShowTasks}>
              <bdi>{taskTitle(t, nextTask)}</bdi> · <bdi>{formatDay(nextTask.dueOn, language)}</bdi>
            </Anchor>
          ) : (
            t('caseTabs.noTask')
          )}
        </Text>
      </Group>
      <Group gap="xs" mt={4}>
        {detail.abilities.canEdit ? (
          <Button size="sm" onClick={onLogContact}>
            {t('log.add')}
          </Button>
        ) : null}
        {detail.abilities.canAssign && detail.state !== 'closed' && detail.state !== 'aftercare' ? (
          <Button size="sm" variant="default" onClick={onAssign}>
            {detail.counsellor ? t('assign.reassign') : t('assign.assign')}
          </Button>
        ) : null}
        {detail.allowedTransitions.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={isClosing(detail.state, to) ? 'outline' : 'default'}
            color={isClosing(detail.state, to) ? 'red' : undefined}
            disabled={busy}
            onClick={() => onTransition(to)}
          >
            {label(to)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
