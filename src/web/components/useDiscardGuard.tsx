import { Alert, Button, Group } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DiscardGuard {
  /** Give this to the Modal's onClose (Escape, the close button, a click outside) and to a Cancel button. */
  requestClose: () => void;
  /** Render at the top of the modal: the question, while it is asked. */
  prompt: ReactNode;
}

/**
 * A modal form with changes asks before it closes: Escape or a stray click outside must not throw away what
 * someone typed during a call. Unchanged forms close at once. While the question is shown, Escape (or "Keep
 * editing") goes back to the form; "Discard" closes it.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void): DiscardGuard {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  function requestClose() {
    if (!dirty) return onClose();
    // A second Escape while asking means "never mind": back to the form.
    setAsking((was) => !was);
  }

  const prompt = asking ? (
    <Alert color="orange" variant="light" role="alert" title={t('common.discardTitle')}>
      {t('common.discardBody')}
      <Group mt="sm" gap="xs">
        <Button ref={keepRef} size="xs" variant="default" onClick={() => setAsking(false)}>
          {t('common.keepEditing')}
        </Button>
        <Button
          size="xs"
          color="red"
          onClick={() => {
            setAsking(false);
            onClose();
          }}
        >
          {t('common.discard')}
        </Button>
      </Group>
    </Alert>
  ) : null;

  return { requestClose, prompt };
}

/**
 * For a modal that is mounted to open and unmounted to close (`opened` stays true, so Mantine's own focus
 * return never runs): puts focus back on the element that had it when the modal opened, usually the button
 * that opened it, so a keyboard user continues where they were.
 */
export function useReturnFocusOnUnmount(): void {
  // Read while rendering: by the time effects run, the modal's focus trap has already moved focus inside.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      if (opener instanceof HTMLElement) setTimeout(() => opener.isConnected && opener.focus(), 0);
    };
  }, [opener]);
}
