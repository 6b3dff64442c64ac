import { useCallback, useState } from 'react';
import type { UiLanguage } from '../../../../shared/roles';
import { setLanguage } from '../../../i18n';
import { useSession, useSetSession } from '../../auth/hooks/useSession';
import { rememberPickedLanguage } from '../../auth/pickedLanguage';
import { updateMe } from '../api';

/** Switches the UI language; for a signed-in user the choice is saved on the server too. */
export function useChangeLanguage() {
  const { data: session } = useSession();
  const setSession = useSetSession();
  const [pending, setPending] = useState(false);
  const signedIn = session?.stage === 'full';

  const change = useCallback(
    async (language: UiLanguage) => {
      setPending(true);
      try {
        if (signedIn) setSession(await updateMe({ language }));
        // Picked before sign-in: kept, and saved to the account once signed in.
        else rememberPickedLanguage(language);
        await setLanguage(language);
      } finally {
        setPending(false);
      }
    },
    [signedIn, setSession],
  );
  return { change, pending };
}
