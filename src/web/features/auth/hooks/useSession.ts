import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { setHelplineTimeZone } from '../../../components/format';
import { fetchSession } from '../api';
import { peekSignOutReason, setSignOutReason } from '../signOutReason';

export const SESSION_KEY = ['session'] as const;

async function probeSession(client: QueryClient): Promise<SessionInfo | null> {
  const previous = client.getQueryData<SessionInfo | null>(SESSION_KEY);
  const session = await fetchSession();
  // A full session that the server no longer knows has ended (idle timeout, revoked elsewhere).
  if (!session && previous?.stage === 'full' && !peekSignOutReason()) setSignOutReason('sessionEnded');
  setHelplineTimeZone(session?.organisation.timeZone);
  return session;
}

/** The session as the server sees it; `null` when signed out. */
export function useSession() {
  const client = useQueryClient();
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => probeSession(client),
    staleTime: 60_000,
    retry: false,
  });
}

/** Replaces the cached session, e.g. with the SessionInfo a mutation returned. */
export function useSetSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SessionInfo | null) => {
      setHelplineTimeZone(session?.organisation.timeZone);
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );
}
