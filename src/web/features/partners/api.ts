import type { Partner, PartnerCreate, PartnerType, PartnerUpdate } from '../../../shared/partners.schema';
import { api } from '../../api/client';

export const PARTNERS_KEY = ['partners'] as const;

export interface PartnerFilter {
  q: string;
  type: PartnerType | '';
  includeRetired: boolean;
}

export function fetchPartners({ q, type, includeRetired }: PartnerFilter) {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (type) params.set('type', type);
  if (includeRetired) params.set('includeRetired', 'true');
  const query = params.toString();
  return api<{ items: Partner[]; canManage: boolean }>('GET', `/api/partners${query ? `?${query}` : ''}`);
}

export const createPartner = (body: PartnerCreate) => api<Partner>('POST', '/api/partners', { body });

export const updatePartner = ({ id, ...body }: PartnerUpdate & { id: string }) =>
  api<Partner>('PATCH', `/api/partners/${encodeURIComponent(id)}`, { body });
