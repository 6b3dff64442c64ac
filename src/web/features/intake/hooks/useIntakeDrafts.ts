import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { deleteDraft, DRAFTS_KEY, fetchDrafts, saveDraft } from '../api';
import { isBlank } from '../form';
import type { IntakeValues } from '../form';

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

export function useDrafts() {
  // Fetched once per visit: a refetch mid-call would offer the draft being typed.
  return useQuery({ queryKey: DRAFTS_KEY, queryFn: fetchDrafts, refetchOnWindowFocus: false, staleTime: 0 });
}

/**
 * Saves the form on the server about a second after the last keystroke (the server encrypts it). Nothing of
 * the intake is ever written to the browser's storage. `settle` waits for a save in flight, so a draft can
 * be discarded after the contact was saved without a late autosave bringing it back.
 */
export function useDraftAutosave(values: IntakeValues, draftId: string, active: boolean) {
  const [state, setState] = useState<DraftState>('idle');
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (!active || isBlank(values)) return;
    const timer = window.setTimeout(() => {
      setState('saving');
      inFlight.current = saveDraft(draftId, { ...values }).then(
        () => setState('saved'),
        () => setState('failed'),
      );
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [values, draftId, active]);

  return {
    state,
    reset: () => setState('idle'),
    /** Waits for any save in flight, then removes the draft (idempotent on the server). */
    discard: async (id: string) => {
      await inFlight.current;
      await deleteDraft(id).catch(() => undefined);
    },
  };
}
