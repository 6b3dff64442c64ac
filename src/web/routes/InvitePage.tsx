import { Alert, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SessionInfo } from '../../shared/auth.schema';
import { isApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { inspectInvite } from '../features/auth/api';
import { EnrolStep } from '../features/auth/components/EnrolStep';
import { InviteAcceptForm } from '../features/auth/components/InviteAcceptForm';
import { SESSION_KEY } from '../features/auth/hooks/useSession';
import { setLanguage } from '../i18n';

/** The token travels in the URL fragment, so it never reaches server logs or a Referer header. */
function readToken(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/** Accepting an invitation: check the link, choose a password, enrol two-step verification. */
export default function InvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [token] = useState(readToken);
  const [accepted, setAccepted] = useState(false);
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: () => inspectInvite(token),
    enabled: token.length > 0 && !accepted,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  // The page opens in the language the admin chose for the invitee (once: they may still switch).
  const invitedLanguage = invite.data?.language;
  const applied = useRef(false);
  useEffect(() => {
    if (!invitedLanguage || applied.current) return;
    applied.current = true;
    void setLanguage(invitedLanguage);
  }, [invitedLanguage]);

  function onAccepted() {
    // The link is spent: drop it from the address bar and history.
    window.history.replaceState(window.history.state, '', '/invite');
    setAccepted(true);
  }

  function finish(session: SessionInfo) {
    queryClient.setQueryData(SESSION_KEY, session);
    void navigate('/', { replace: true });
  }

  let body;
  if (accepted) body = <EnrolStep onDone={finish} />;
  else if (!token || isApiError(invite.error, 'invite_invalid') || isApiError(invite.error, 'not_found')) {
    body = (
      <Alert color="red" role="alert">
        {t('invite.invalid')}
      </Alert>
    );
  } else if (invite.isPending) body = <Loading />;
  else if (invite.isError) body = <ErrorAlert error={invite.error} />;
  else {
    body = (
      <>
        <Text size="sm">
          {t('invite.intro', {
            organisation: invite.data.organisationName,
            role: t(`roles.${invite.data.role}`),
          })}
        </Text>
        <InviteAcceptForm token={token} invite={invite.data} onDone={onAccepted} />
      </>
    );
  }

  return (
    <Stack>
      <PageHeading>{t('titles.invite')}</PageHeading>
      {body}
      {!accepted ? (
        <Text size="sm">
          <Link to="/login">{t('invite.toLogin')}</Link>
        </Text>
      ) : null}
    </Stack>
  );
}
