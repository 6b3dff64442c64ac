import { Stepper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SessionInfo } from '../../shared/auth.schema';
import { PageHeading } from '../components/PageHeading';
import { EnrolStep } from '../features/auth/components/EnrolStep';
import { SESSION_KEY } from '../features/auth/hooks/useSession';
import { SetupForm } from '../features/setup/components/SetupForm';
import { SETUP_STATUS_KEY, useSetupStatus } from '../features/setup/hooks/useSetupStatus';

/** First-run wizard: organisation and administrator, then mandatory two-step verification. */
export default function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const status = useSetupStatus();
  const [step, setStep] = useState(0);

  if (step === 0 && status.data && !status.data.needed) return <Navigate to="/" replace />;

  function finish(session: SessionInfo) {
    queryClient.setQueryData(SETUP_STATUS_KEY, { needed: false });
    queryClient.setQueryData(SESSION_KEY, session);
    void navigate('/', { replace: true });
  }

  return (
    <>
      <PageHeading>{t('titles.setup')}</PageHeading>
      <Text size="sm" mb="md">
        {t('setup.intro')}
      </Text>
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('setup.step1')} aria-current={step === 0 ? 'step' : undefined}>
          <SetupForm onDone={() => setStep(1)} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step2')} aria-current={step === 1 ? 'step' : undefined}>
          <EnrolStep onDone={finish} />
        </Stepper.Step>
      </Stepper>
    </>
  );
}
