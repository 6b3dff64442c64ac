import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { newRequestId } from '../../../components/format';
import { isApiError } from '../../../api/client';
import {
  addCaseItem,
  assignCounsellor,
  CASES_KEY,
  caseKey,
  fetchCase,
  fetchCasePage,
  fetchCounsellorOptions,
  grantAccess,
  transitionCase,
  updateCase,
  updateGoal,
  updateTask,
} from '../api';
import type { CaseFilters, CaseItemBodies } from '../api';

/** Keyset-paged case list: `next` of one page is the `after` of the next. */
export function useCasePages(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: [...CASES_KEY, filters],
    queryFn: ({ pageParam }) => fetchCasePage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => fetchCase(id),
    // "Not found" and "give a reason" are answers, not hiccups: do not retry them.
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useCounsellorOptions(enabled = true) {
  return useQuery({ queryKey: ['counsellor-options'], queryFn: fetchCounsellorOptions, enabled });
}

/** Every write on a case refreshes the case, the lists and "my work". */
export function useCaseMutations(id: string) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: caseKey(id) });
    void client.invalidateQueries({ queryKey: CASES_KEY });
    void client.invalidateQueries({ queryKey: ['my-work'] });
  };
  return {
    grant: useMutation({ mutationFn: (reason: string) => grantAccess(id, reason), onSuccess: refresh }),
    update: useMutation({
      mutationFn: (body: Parameters<typeof updateCase>[1]) => updateCase(id, body),
      onSuccess: refresh,
    }),
    assign: useMutation({
      mutationFn: (counsellorId: string) => assignCounsellor(id, counsellorId),
      onSuccess: refresh,
    }),
    transition: useMutation({
      mutationFn: (body: Parameters<typeof transitionCase>[1]) => transitionCase(id, body),
      onSuccess: refresh,
    }),
    goal: useMutation({
      mutationFn: (input: { goalId: string; status: 'open' | 'achieved' | 'dropped' }) =>
        updateGoal(id, input.goalId, input.status),
      onSuccess: refresh,
    }),
    task: useMutation({
      mutationFn: (input: { taskId: string; done: boolean }) => updateTask(id, input.taskId, input.done),
      onSuccess: refresh,
    }),
  };
}

/** Adds one item (a goal, a log entry…) to a case. */
export function useAddCaseItem<K extends keyof CaseItemBodies>(id: string, kind: K) {
  const client = useQueryClient();
  // One request id per item being added, kept until it is saved: a retry after a lost answer (or a double
  // click) is recognised by the server and adds nothing twice. Forms that manage their own id keep theirs.
  const requestId = useRef(newRequestId());
  return useMutation({
    mutationFn: (body: CaseItemBodies[K]) => addCaseItem(id, kind, { requestId: requestId.current, ...body }),
    retry: (count, error) => isApiError(error) && error.status === 0 && count < 2,
    onSuccess: async () => {
      requestId.current = newRequestId();
      await client.invalidateQueries({ queryKey: caseKey(id) });
      void client.invalidateQueries({ queryKey: ['my-work'] });
    },
  });
}
