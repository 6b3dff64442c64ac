import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plain link to a GET endpoint that answers with a file: the session cookie authenticates it. */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Anchor href={href} download size="sm" fw={500}>
      {children}
    </Anchor>
  );
}
