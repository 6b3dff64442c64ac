import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * "Saved", announced to screen readers (role status) and shown where the person is: placed beside the save
 * button, and scrolled into view if it still ended up outside the screen (a long form on a phone).
 */
export function SavedNotice({ shown, title }: { shown: boolean; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown]);
  return shown ? <Alert ref={ref} color="teal" variant="light" role="status" title={title} /> : null;
}
