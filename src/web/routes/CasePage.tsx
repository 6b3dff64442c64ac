import { Anchor, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { CaseDetail, CaseState } from '../../shared/cases.schema';
import { isApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { AccessReasonModal } from '../features/cases/components/AccessReasonModal';
import { AssignModal } from '../features/cases/components/AssignModal';
import { CaseHeader, isClosing } from '../features/cases/components/CaseHeader';
import { ContactLogSection, LOG_FIRST_FIELD } from '../features/cases/components/ContactLogSection';
import { GoalsSection } from '../features/cases/components/GoalsSection';
import { InterventionsSection } from '../features/cases/components/InterventionsSection';
import { ObservationsSection } from '../features/cases/components/ObservationsSection';
import { PersonsSection } from '../features/cases/components/PersonsSection';
import { ReachSection } from '../features/cases/components/ReachSection';
import { SummarySection } from '../features/cases/components/SummarySection';
import { TasksSection } from '../features/cases/components/TasksSection';
import { TransitionModal } from '../features/cases/components/TransitionModal';
import type { ClosingInput } from '../features/cases/components/TransitionModal';
import { useCase, useCaseMutations } from '../features/cases/hooks/useCases';
import { useSession } from '../features/auth/hooks/useSession';
import { ConsentSection } from '../features/consent/components/ConsentSection';
import { CaseDisclosuresSection } from '../features/disclosures/components/CaseDisclosuresSection';
import { EmergencySection } from '../features/emergency/components/EmergencySection';
import { MeetingsSection } from '../features/meetings/components/MeetingsSection';
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
  const mutations = useCaseMutations(detail.id);
  const { data: session } = useSession();
  // The emergency path is the coordinators' (the server checks again on every request).
  const coordinator = session?.user.role === 'coordinator';
  const { hash } = useLocation();
  const [assigning, setAssigning] = useState(false);
  const [closingTo, setClosingTo] = useState<CaseState | null>(null);

  // Links from alerts and tasks point at a section (#tasks, #emergency): go there once the case is shown.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [hash]);

  function onTransition(to: CaseState) {
    mutations.transition.reset();
    if (isClosing(detail.state, to)) setClosingTo(to);
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

  function focusLog() {
    const field = document.getElementById(LOG_FIRST_FIELD);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
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
        onLogContact={focusLog}
      />
      {!closingTo ? <ErrorAlert error={mutations.transition.error} /> : null}
      <ReachSection caseId={detail.id} />
      <MatchingSection detail={detail} />
      <SummarySection key={detail.summary} detail={detail} />
      <PreferencesSection key={JSON.stringify(detail.preferences)} detail={detail} />
      <TasksSection detail={detail} />
      <ContactLogSection detail={detail} />
      <PersonsSection detail={detail} />
      <ObservationsSection detail={detail} />
      <GoalsSection detail={detail} />
      <InterventionsSection detail={detail} />
      <ConsentSection detail={detail} />
      <ReferralsSection detail={detail} />
      <MeetingsSection detail={detail} />
      {coordinator ? <EmergencySection detail={detail} /> : null}
      <CaseDisclosuresSection detail={detail} />
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
