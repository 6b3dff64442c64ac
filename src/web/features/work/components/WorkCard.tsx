import { Badge, Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface WorkCardProps {
  id: string;
  title: string;
  count?: number;
  tone?: 'red' | 'default';
  children: ReactNode;
}

/** One block of "my work": a titled card with a count. */
export function WorkCard({ id, title, count, tone = 'default', children }: WorkCardProps) {
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={id}
      padding="md"
      style={tone === 'red' && count ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {count !== undefined ? (
          <Badge
            color={tone === 'red' && count > 0 ? 'red' : 'gray'}
            variant={count > 0 ? 'filled' : 'light'}
            circle={count < 10}
          >
            {count}
          </Badge>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}
