import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ACTIVITIES_KEY,
  addTask,
  createActivity,
  fetchActivities,
  fetchActivity,
  fetchActivityTypes,
  fetchFacilitatorOptions,
  recordReport,
  setRequiredCourse,
  setTaskDone,
  updateActivity,
} from './api';
import type { ActivityFilter } from './api';

export function useActivities(filter: ActivityFilter, enabled = true) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'list', filter],
    queryFn: () => fetchActivities(filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string) {
  return useQuery({ queryKey: [...ACTIVITIES_KEY, 'one', id], queryFn: () => fetchActivity(id) });
}

export function useActivityTypes() {
  return useQuery({ queryKey: [...ACTIVITIES_KEY, 'types'], queryFn: fetchActivityTypes, staleTime: 60_000 });
}

/** Who may facilitate this type on this day, and why not; only asked once both are chosen. */
export function useFacilitatorOptions(typeId: string, date: string) {
  return useQuery({
    queryKey: [...ACTIVITIES_KEY, 'facilitators', typeId, date],
    queryFn: () => fetchFacilitatorOptions(typeId, date),
    enabled: typeId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date),
    placeholderData: keepPreviousData,
  });
}

export function useActivityMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ACTIVITIES_KEY });
  return {
    create: useMutation({ mutationFn: createActivity, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateActivity, onSuccess: refresh }),
    report: useMutation({ mutationFn: recordReport, onSuccess: refresh }),
    addTask: useMutation({ mutationFn: addTask, onSuccess: refresh }),
    setTaskDone: useMutation({ mutationFn: setTaskDone, onSuccess: refresh }),
    setCourse: useMutation({ mutationFn: setRequiredCourse, onSuccess: refresh }),
  };
}
