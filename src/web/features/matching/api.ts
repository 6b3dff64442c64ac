import type { z } from 'zod';
import type {
  Diagnosis,
  MatchingWeights,
  OfferSchema,
  Reach,
  ScorePart,
  Shortlist,
} from '../../../shared/matching.schema';
import { api } from '../../api/client';

export type Offer = z.infer<typeof OfferSchema>;
export type DeclineReason = 'no_time' | 'conflict_of_interest' | 'not_a_good_fit' | 'other';
export const DECLINE_REASONS: DeclineReason[] = [
  'no_time',
  'conflict_of_interest',
  'not_a_good_fit',
  'other',
];
export type { Diagnosis, Reach, ScorePart, Shortlist };

/** How far the shortlist looks: the caller's region, plus remote counsellors or everyone; an interpreter. */
export interface Widening {
  reach: Reach;
  interpreter: boolean;
}
export const STRICT: Widening = { reach: 'region', interpreter: false };

/** An offer waiting for the signed-in counsellor, with just enough to decide (no case content). */
export interface MyOffer extends Offer {
  categoryId: string;
  municipality: string;
  language: string;
  callerAlias: string;
}

export const shortlistKey = (caseId: string, widening?: Widening) =>
  widening
    ? (['shortlist', caseId, widening.reach, widening.interpreter] as const)
    : (['shortlist', caseId] as const);
export const caseOffersKey = (caseId: string) => ['case-offers', caseId] as const;
export const MY_OFFERS_KEY = ['my-offers'] as const;
export const WEIGHTS_KEY = ['matching-weights'] as const;

const caseBase = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

export const fetchShortlist = (caseId: string, widening: Widening = STRICT) =>
  api<Shortlist>(
    'GET',
    `${caseBase(caseId)}/shortlist?reach=${widening.reach}&interpreter=${String(widening.interpreter)}`,
  );
export const fetchCaseOffers = (caseId: string) =>
  api<{ items: Offer[] }>('GET', `${caseBase(caseId)}/offers`);
export const createOffer = (caseId: string, counsellorId: string, widening: Widening = STRICT) =>
  api<{ id: string }>('POST', `${caseBase(caseId)}/offers`, { body: { counsellorId, ...widening } });
export const putOnWaitingList = (caseId: string, body: { requestId: string; dueOn: string; title: string }) =>
  api<{ id: string }>('POST', `${caseBase(caseId)}/waiting-list`, { body });

export const fetchMyOffers = () => api<{ items: MyOffer[] }>('GET', '/api/offers');
export const respondToOffer = (
  id: string,
  body: { accept: true } | { accept: false; reason: DeclineReason; note: string },
) => api<void>('POST', `/api/offers/${encodeURIComponent(id)}/respond`, { body });

export const fetchWeights = () => api<MatchingWeights>('GET', '/api/matching/weights');
export const saveWeights = (body: MatchingWeights) =>
  api<MatchingWeights>('PUT', '/api/matching/weights', { body });
