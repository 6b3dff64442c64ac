import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  description?: string;
  children?: ReactNode;
}

/** Shown instead of an empty table. */
export function EmptyState({ title, description, children }: EmptyStateProps) {
  return (
    <MantineEmptyState title={title} description={description} py="xl">
      {children}
    </MantineEmptyState>
  );
}
