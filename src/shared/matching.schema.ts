import { z } from 'zod';
import { Text } from './text.schema.js';

/** Matching weights: a transparent sum of named parts, visible and tunable by the admin. */
export const MatchingWeightsSchema = z.object({
  preferredLanguage: z.number().int().min(0).max(100),
  preferredGender: z.number().int().min(0).max(100),
  preferredBackground: z.number().int().min(0).max(100),
  sameMunicipality: z.number().int().min(0).max(100),
  sameProvince: z.number().int().min(0).max(100),
  servesArea: z.number().int().min(0).max(100),
  continuity: z.number().int().min(0).max(100),
  capacity: z.number().int().min(0).max(100),
});
export type MatchingWeights = z.infer<typeof MatchingWeightsSchema>;
export const DEFAULT_WEIGHTS: MatchingWeights = {
  preferredLanguage: 30,
  preferredGender: 20,
  preferredBackground: 20,
  sameMunicipality: 30,
  sameProvince: 15,
  servesArea: 10,
  continuity: 40,
  capacity: 10,
};

export const HARD_FILTERS = [
  'active',
  'trained',
  'vog_valid',
  'capacity',
  'available',
  'language',
  'region',
  'no_conflict',
] as const;
export type HardFilter = (typeof HARD_FILTERS)[number];

/**
 * How far matching looks: counsellors of the caller's region (home or working area in the caller's
 * municipality or province), plus counsellors who support families remotely, or the whole organisation.
 * A counsellor or case without a known place is never held back by the region.
 */
export const REACHES = ['region', 'remote', 'wide'] as const;
export const ReachSchema = z.enum(REACHES);
export type Reach = z.infer<typeof ReachSchema>;

export const ShortlistQuerySchema = z.object({
  reach: ReachSchema.default('region'),
  interpreter: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Counsellors who would speak with the caller through an interpreter (a stated fallback)'),
});

/**
 * Why nobody (or few) passed, as counts over the organisation's active counsellors: per hard filter how many
 * pass it on its own, how many pass both language and region, and how many each real option would add. Only
 * counts: no names, and nothing self-declared (backgrounds) is counted.
 */
export const DiagnosisSchema = z.object({
  activeCounsellors: z.number().int(),
  languages: z.array(Text),
  place: z.object({ municipality: Text.nullable(), province: Text.nullable() }),
  filters: z.array(z.object({ filter: z.enum(HARD_FILTERS), passing: z.number().int() })),
  languageAndRegion: z.number().int(),
  options: z.object({
    remote: z.number().int().describe('Would pass when remote counsellors are included'),
    wide: z.number().int().describe('Would pass with the whole organisation as the region'),
    interpreter: z.number().int().describe("Would pass with an interpreter for the caller's language"),
  }),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const ScorePartSchema = z.object({
  code: z.enum([
    'preferred_language',
    'preferred_gender',
    'preferred_background',
    'same_municipality',
    'same_province',
    'serves_area',
    'continuity',
    'capacity',
    'speaks_language',
  ]),
  points: z.number(),
  params: z.record(Text, z.union([Text, z.number()])),
});
export type ScorePart = z.infer<typeof ScorePartSchema>;

export const ShortlistSchema = z.object({
  candidates: z.array(
    z.object({
      counsellorId: z.uuid(),
      name: Text,
      score: z.number(),
      parts: z.array(ScorePartSchema),
    }),
  ),
  excluded: z.record(z.enum(HARD_FILTERS), z.number().int()),
  considered: z.number().int(),
  reach: ReachSchema,
  interpreter: z.boolean(),
  diagnosis: DiagnosisSchema,
  nextBest: z.array(
    z.object({
      counsellorId: z.uuid(),
      name: Text,
      score: z.number(),
      parts: z.array(ScorePartSchema),
      fails: z.enum(HARD_FILTERS),
    }),
  ),
});
export type Shortlist = z.infer<typeof ShortlistSchema>;

export const OfferCreateSchema = z.object({
  counsellorId: z.uuid(),
  reach: ReachSchema.default('region'),
  interpreter: z
    .boolean()
    .default(false)
    .describe('The counsellor speaks with the caller via an interpreter'),
});
export type OfferCreate = z.infer<typeof OfferCreateSchema>;

/** No counsellor now: the case waits, and the coordinator gets a dated task to look again. */
export const WaitingListSchema = z.object({
  requestId: z.uuid().describe('Client-generated id: a retried save returns the first result'),
  dueOn: z.iso.date().describe('YYYY-MM-DD: when to look for a counsellor again'),
  title: Text.trim().min(1).max(300),
});
export const OfferResponseSchema = z.discriminatedUnion('accept', [
  z.object({ accept: z.literal(true) }),
  z.object({
    accept: z.literal(false),
    reason: z.enum(['no_time', 'conflict_of_interest', 'not_a_good_fit', 'other']),
    note: Text.trim().max(500).default(''),
  }),
]);
export const OfferSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: Text,
  counsellorId: z.uuid(),
  counsellorName: Text,
  status: z.enum(['pending', 'accepted', 'declined', 'expired', 'withdrawn']),
  declineReason: Text.nullable(),
  declineNote: Text.nullable().describe('What the counsellor wrote when declining, for the coordinators'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  reach: ReachSchema,
  interpreterLanguage: Text.nullable().describe('Set when the counsellor works with an interpreter'),
});
export const OfferListSchema = z.object({ items: z.array(OfferSchema) });
