import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPartner, fetchPartners, PARTNERS_KEY, updatePartner } from './api';
import type { PartnerFilter } from './api';

export function usePartners(filter: PartnerFilter) {
  return useQuery({
    queryKey: [...PARTNERS_KEY, filter],
    queryFn: () => fetchPartners(filter),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: PARTNERS_KEY });
  return {
    create: useMutation({ mutationFn: createPartner, onSuccess: refresh }),
    update: useMutation({ mutationFn: updatePartner, onSuccess: refresh }),
  };
}
