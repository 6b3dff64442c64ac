import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

interface QueryState {
  error: unknown;
  isPending: boolean;
  isSuccess: boolean;
}

/**
 * A list of records on a case with its loading, error and empty states: the error, a spinner while loading,
 * the empty text once loaded (unless `hideEmpty`, e.g. while the add form is open), else a labelled list.
 */
export function RecordList<T>({
  query,
  items,
  empty,
  label,
  hideEmpty = false,
  children,
}: {
  query: QueryState;
  items: readonly T[];
  empty: string;
  label: string;
  hideEmpty?: boolean;
  children: (item: T) => ReactNode;
}) {
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading /> : null}
      {query.isSuccess && items.length === 0 && !hideEmpty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : null}
      {items.length ? (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
          {items.map(children)}
        </Stack>
      ) : null}
    </>
  );
}
