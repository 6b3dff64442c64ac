import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COUNSELLORS_KEY } from '../counsellors/api';
import { createCourse, createSession, fetchTraining, recordAttendance, TRAINING_KEY } from './api';

export function useTraining() {
  return useQuery({ queryKey: TRAINING_KEY, queryFn: fetchTraining });
}

/** Every training write refreshes the overview and the counsellor list (its "trained" badge). */
export function useTrainingMutations() {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: TRAINING_KEY });
    void client.invalidateQueries({ queryKey: COUNSELLORS_KEY });
    void client.invalidateQueries({ queryKey: ['shortlist'] });
  };
  return {
    course: useMutation({ mutationFn: createCourse, onSuccess: refresh }),
    session: useMutation({ mutationFn: createSession, onSuccess: refresh }),
    attendance: useMutation({
      mutationFn: (input: { sessionId: string; userId: string; attended: boolean; completed: boolean }) => {
        const { sessionId, ...body } = input;
        return recordAttendance(sessionId, body);
      },
      onSuccess: refresh,
    }),
  };
}
