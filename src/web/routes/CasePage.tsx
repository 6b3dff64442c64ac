import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { CaseDetail, CaseState } from '../../shared/cases.schema';
import type { Consent } from '../../shared/consent.schema';
import { isApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { AccessReasonModal } from '../features/cases/components/AccessReasonModal';
import { AssignModal } from '../features/cases/components/AssignModal';
import { CaseHeader, closingTarget } from '../features/cases/components/CaseHeader';
import type { ClosingState } from '../features/cases/components/CaseHeader';
import { ContactLogSection, LOG_FIRST_FIELD } from '../features/cases/components/ContactLogSection';
import { GoalsSection } from '../features/cases/components/GoalsSection';
import { InterventionsSection } from '../features/cases/components/InterventionsSection';
import { ObservationsSection } from '../features/cases/components/ObservationsSection';
import { PersonsSection } from '../features/cases/components/PersonsSection';
import { ReachSection } from '../features/cases/components/ReachSection';
import { SummarySection } from '../features/cases/components/SummarySection';
import { TasksSection } from '../features/cases/components/TasksSection';
import { TimelineSection } from '../features/cases/components/TimelineSection';
import { CASE_TABS, isCaseTab, SECTION_TAB } from '../features/cases/caseTabs';
import type { CaseTab } from '../features/cases/caseTabs';
import { TransitionModal } from '../features/cases/components/TransitionModal';
import type { ClosingInput } from '../features/cases/components/TransitionModal';
import { useCase, useCaseMutations } from '../features/cases/hooks/useCases';
import { useSession } from '../features/auth/hooks/useSession';
import { ConsentSection } from '../features/consent/components/ConsentSection';
import { HandbookLinks } from '../features/knowledge/components/HandbookLinks';
import { CaseDisclosuresSection } from '../features/disclosures/components/CaseDisclosuresSection';
import { EmergencySection } from '../features/emergency/components/EmergencySection';
import { MeetingsSection } from '../features/meetings/components/MeetingsSection';
import { CasePeerLinkSection } from '../features/peers/components/CasePeerLinkSection';
import { ReferralsSection } from '../features/referrals/components/ReferralsSection';
import { MatchingSection } from '../features/matching/components/MatchingSection';
import { PreferencesSection } from '../features/matching/components/PreferencesSection';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack maw={640}>
      <PageHeading>{t('case.notFound')}</PageHeading>
      <Text>{t('case.notFoundHint')}</Text>
      <Anchor component={Link} to="/cases">
        {t('case.backToList')}
      </Anchor>
    </Stack>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const mutations = useCaseMutations(detail.id);
  const { data: session } = useSession();
  // The emergency path is the coordinators' (the server checks again on every request).
  const coordinator = session?.abilities.startEmergency === true;
  const { hash } = useLocation();
  const [params, setParams] = useSearchParams();
  const [assigning, setAssigning] = useState(false);
  const [closingTo, setClosingTo] = useState<ClosingState | null>(null);
  const focusLogNext = useRef(false);
  const [handoff, setHandoff] = useState<Consent | null>(null);

  // The tab is in the address (?tab=…) so that reload and "back" keep it; a link to a section (#tasks,
  // #emergency, from alerts and tasks) opens the tab that holds it.
  const section = hash ? decodeURIComponent(hash.slice(1)) : '';
  const asked = params.get('tab');
  const tab: CaseTab = isCaseTab(asked) ? asked : (SECTION_TAB[section] ?? 'overview');

  function selectTab(next: CaseTab) {
    if (next === tab) return;
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev);
        copy.set('tab', next);
        return copy;
      },
      { preventScrollReset: true },
    );
  }

  useEffect(() => {
    if (section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, [section]);

  // "Log a contact" in the header: open the contacts tab, then put the cursor in the form once it shows.
  function focusLog() {
    const field = document.getElementById(LOG_FIRST_FIELD);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }
  useEffect(() => {
    if (!focusLogNext.current || tab !== 'contacts') return;
    focusLogNext.current = false;
    focusLog();
  }, [tab]);

  function onTransition(to: CaseState) {
    mutations.transition.reset();
    const closing = closingTarget(detail.state, to);
    if (closing) setClosingTo(closing);
    else mutations.transition.mutate({ to });
  }

  async function close(input: ClosingInput) {
    if (!closingTo) return;
    const { supportLevel, ...rest } = input;
    try {
      if (supportLevel) await mutations.update.mutateAsync({ supportLevel });
      await mutations.transition.mutateAsync({ to: closingTo, ...rest });
      setClosingTo(null);
    } catch {
      // Shown in the modal through the mutation's error.
    }
  }

  return (
    <Stack maw={1000}>
      <CaseHeader
        detail={detail}
        busy={mutations.transition.isPending}
        onAssign={() => {
          mutations.assign.reset();
          setAssigning(true);
        }}
        onTransition={onTransition}
        onLogContact={() => {
          if (tab === 'contacts') return focusLog();
          focusLogNext.current = true;
          selectTab('contacts');
        }}
        onShowTasks={() => selectTab('tasks')}
      />
      {!closingTo ? <ErrorAlert error={mutations.transition.error} /> : null}
      <ReachSection caseId={detail.id} />
      <HandbookLinks categoryId={detail.categoryId} />
      <Tabs
        value={tab}
        onChange={(next) => {
          if (isCaseTab(next)) selectTab(next);
        }}
        variant="pills"
      >
        <Tabs.List
          aria-label={t('caseTabs.label')}
          aria-describedby="case-tabs-keys"
          onKeyDown={(event) => {
            // In the tab row, the digits 1–7 open a part directly: every part is one key press away.
            const index = Number(event.key) - 1;
            const name = CASE_TABS[index];
            if (!name || event.altKey || event.ctrlKey || event.metaKey) return;
            event.preventDefault();
            selectTab(name);
            event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
          }}
        >
          {CASE_TABS.map((name, index) => (
            <Tabs.Tab key={name} value={name} aria-keyshortcuts={String(index + 1)}>
              {t(`caseTabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Text id="case-tabs-keys" size="xs" c="dimmed" mt={4}>
          {t('caseTabs.keysHint')}
        </Text>
        <Tabs.Panel value="overview" pt="md">
          <Stack>
            <MatchingSection detail={detail} />
            <TimelineSection detail={detail} />
            <SummarySection key={detail.summary} detail={detail} />
            <PreferencesSection key={JSON.stringify(detail.preferences)} detail={detail} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactLogSection detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="persons" pt="md">
          <Stack>
            <PersonsSection detail={detail} />
            <ObservationsSection detail={detail} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <Stack>
            <GoalsSection detail={detail} />
            <InterventionsSection detail={detail} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksSection detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="sharing" pt="md">
          <Stack>
            <ConsentSection detail={detail} onRefer={setHandoff} />
            <ReferralsSection detail={detail} handoff={handoff} onHandoffEnd={() => setHandoff(null)} />
            <MeetingsSection detail={detail} />
            <CasePeerLinkSection detail={detail} />
            {coordinator ? <EmergencySection detail={detail} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="logs" pt="md">
          <CaseDisclosuresSection detail={detail} />
        </Tabs.Panel>
      </Tabs>
      {assigning ? (
        <AssignModal
          currentId={detail.counsellor?.id ?? null}
          loading={mutations.assign.isPending}
          error={mutations.assign.error}
          onAssign={(id) => mutations.assign.mutate(id, { onSuccess: () => setAssigning(false) })}
          onClose={() => setAssigning(false)}
        />
      ) : null}
      {closingTo ? (
        <TransitionModal
          to={closingTo}
          supportLevel={detail.supportLevel}
          municipality={detail.municipality}
          loading={mutations.transition.isPending || mutations.update.isPending}
          error={mutations.update.error ?? mutations.transition.error}
          onSubmit={(input) => void close(input)}
          onClose={() => setClosingTo(null)}
        />
      ) : null}
    </Stack>
  );
}

export default function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useCase(id);
  const { grant } = useCaseMutations(id);

  if (detail.isPending) return <Loading />;
  if (detail.error) {
    if (isApiError(detail.error, 'not_found') || isApiError(detail.error, 'validation_failed'))
      return <NotFound />;
    if (isApiError(detail.error, 'reason_required')) {
      return (
        <AccessReasonModal
          loading={grant.isPending}
          error={grant.error}
          onSubmit={(reason) => grant.mutate(reason)}
          onCancel={() => void navigate('/cases')}
        />
      );
    }
    return <ErrorAlert error={detail.error} />;
  }
  return <CaseView key={detail.data.id} detail={detail.data} />;
}
