import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';

interface PeerListTabProps {
  intro: string;
  addLabel: string;
  onAdd: () => void;
  /** The list's query: its error, its loading state and whether it answered. */
  query: { error: unknown; isPending: boolean; isSuccess: boolean };
  count: number;
  emptyTitle: string;
  /** The table's accessible name. */
  tableLabel: string;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  headings: readonly string[];
  /** The table's rows. */
  rows: ReactNode;
  /** What opens from the list (the add form, a detail modal). */
  children?: ReactNode;
}

/** The frame of a peer-network list tab: intro and add button, loading and empty states, the table. */
export function PeerListTab({
  intro,
  addLabel,
  onAdd,
  query,
  count,
  emptyTitle,
  tableLabel,
  minWidth,
  headings,
  rows,
  children,
}: PeerListTabProps) {
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{intro}</Text>
        <Button onClick={onAdd}>{addLabel}</Button>
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading /> : null}
      {query.isSuccess && count === 0 ? <EmptyState title={emptyTitle} /> : null}
      {count ? (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped aria-label={tableLabel}>
            <Table.Thead>
              <Table.Tr>
                {headings.map((heading) => (
                  <Table.Th key={heading}>{heading}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {children}
    </Stack>
  );
}
