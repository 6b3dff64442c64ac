import { Alert, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionInfo, SessionStage } from '../../shared/auth.schema';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { logout } from '../features/auth/api';
import { EnrolStep } from '../features/auth/components/EnrolStep';
import { PasswordLoginForm } from '../features/auth/components/PasswordLoginForm';
import { TotpStep } from '../features/auth/components/TotpStep';
import { SESSION_KEY, useSession } from '../features/auth/hooks/useSession';
import { clearSignOutReason, peekSignOutReason } from '../features/auth/signOutReason';

function targetFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/** Sign-in: password, then the TOTP code (or enrolment when the account has none yet). */
export default function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: session, isPending } = useSession();
  const [stage, setStage] = useState<SessionStage | 'password' | null>(null);
  const [notice] = useState(peekSignOutReason);
  useEffect(() => clearSignOutReason(), []);

  if (isPending) return <Loading />;
  const current = stage ?? session?.stage ?? 'password';
  if (current === 'full') return <Navigate to={targetFrom(location.state)} replace />;

  function finish(next: SessionInfo) {
    queryClient.setQueryData(SESSION_KEY, next);
    setStage('full');
  }

  async function startOver() {
    await logout().catch(() => undefined);
    queryClient.setQueryData(SESSION_KEY, null);
    setStage('password');
  }

  return (
    <Stack>
      <PageHeading>{t('titles.login')}</PageHeading>
      {notice && current === 'password' ? (
        <Alert color={notice === 'sessionEnded' ? 'yellow' : 'teal'} role="status">
          {t(`auth.${notice}`)}
        </Alert>
      ) : null}
      {current === 'password' ? (
        <PasswordLoginForm
          onDone={(result) => {
            if (result.stage === 'full') void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
            setStage(result.stage);
          }}
        />
      ) : null}
      {current === 'mfa' ? <TotpStep onDone={finish} onCancel={() => void startOver()} /> : null}
      {current === 'enrol' ? <EnrolStep onDone={finish} /> : null}
    </Stack>
  );
}
