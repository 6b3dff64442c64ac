import { Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** One titled block of the case page (a landmark with an h2, so screen readers can jump between them). */
export function Section({ id, title, actions, children }: SectionProps) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} id={id} padding="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}
