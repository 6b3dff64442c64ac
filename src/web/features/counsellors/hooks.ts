import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CounsellorProfileUpdate } from '../../../shared/counsellors.schema';
import { isApiError } from '../../api/client';
import {
  absencesKey,
  addAbsence,
  COUNSELLORS_KEY,
  counsellorKey,
  createMunicipality,
  fetchAbsences,
  fetchCounsellors,
  fetchMunicipalities,
  fetchMyTraining,
  fetchProfile,
  MUNICIPALITIES_KEY,
  MY_TRAINING_KEY,
  removeAbsence,
  updateProfile,
} from './api';

export function useCounsellors() {
  return useQuery({ queryKey: COUNSELLORS_KEY, queryFn: fetchCounsellors });
}

export function useProfile(id: string) {
  return useQuery({
    queryKey: counsellorKey(id),
    queryFn: () => fetchProfile(id),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useAbsences(id: string) {
  return useQuery({ queryKey: absencesKey(id), queryFn: () => fetchAbsences(id) });
}

export function useMunicipalities() {
  return useQuery({ queryKey: MUNICIPALITIES_KEY, queryFn: fetchMunicipalities, staleTime: 5 * 60_000 });
}

export function useMyTraining(enabled = true) {
  return useQuery({ queryKey: MY_TRAINING_KEY, queryFn: fetchMyTraining, enabled });
}

/** Profile and absence writes refresh the profile, the list and (absence: availability) matching. */
export function useProfileMutations(id: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: COUNSELLORS_KEY });
    void client.invalidateQueries({ queryKey: ['shortlist'] });
  };
  return {
    update: useMutation({
      mutationFn: (body: CounsellorProfileUpdate) => updateProfile(id, body),
      onSuccess: (saved) => {
        client.setQueryData(counsellorKey(id), saved);
        refresh();
      },
    }),
    addAbsence: useMutation({
      mutationFn: (body: { fromDate: string; toDate: string; note: string }) => addAbsence(id, body),
      onSuccess: async () => {
        await client.invalidateQueries({ queryKey: absencesKey(id) });
        refresh();
      },
    }),
    removeAbsence: useMutation({
      mutationFn: (absenceId: string) => removeAbsence(id, absenceId),
      onSuccess: async () => {
        await client.invalidateQueries({ queryKey: absencesKey(id) });
        refresh();
      },
    }),
  };
}

export type ProfileMutations = ReturnType<typeof useProfileMutations>;

export function useCreateMunicipality() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createMunicipality,
    onSuccess: () => client.invalidateQueries({ queryKey: MUNICIPALITIES_KEY }),
  });
}
