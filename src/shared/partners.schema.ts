import { z } from 'zod';
import { patchOf, Text, text } from './text.schema.js';

/** Partner types (DESIGN.md, "Taxonomies"). */
export const PARTNER_TYPES = [
  'municipality',
  'zorg_veiligheidshuis',
  'mental_health',
  'gp',
  'social_district_team',
  'youth_care',
  'veilig_thuis',
  'child_protection_board',
  'probation',
  'victim_support',
  'legal_aid',
  'theologian_mosque',
  'peer_network',
  'exit_programme',
  'police',
  'school',
  'other_helpline',
] as const;
export const PartnerTypeSchema = z.enum(PARTNER_TYPES);
export type PartnerType = z.infer<typeof PartnerTypeSchema>;

/** An organisation the helpline may refer to. Nothing here is about a family. */
export const PartnerSchema = z.object({
  id: z.uuid(),
  name: Text,
  type: PartnerTypeSchema,
  municipality: Text,
  languages: z.array(Text),
  secureContact: Text.describe('How to reach them securely (e.g. secure mail, phone line)'),
  contactPerson: Text,
  notes: Text,
  active: z.boolean(),
});
export type Partner = z.infer<typeof PartnerSchema>;

export const PartnerCreateSchema = z.object({
  name: text(160).min(2),
  type: PartnerTypeSchema,
  municipality: text(80).default(''),
  languages: z.array(text(10).min(1)).max(20).default([]),
  secureContact: text(500).default(''),
  contactPerson: text(160).default(''),
  notes: text(2000).default(''),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;

/** Only the fields sent change: no defaults fill in the fields a partial update leaves out. */
export const PartnerUpdateSchema = patchOf(PartnerCreateSchema).extend({ active: z.boolean().optional() });
export type PartnerUpdate = z.infer<typeof PartnerUpdateSchema>;

export const PartnerQuerySchema = z.object({
  q: text(100).optional().describe('Searches name, municipality and contact person'),
  type: PartnerTypeSchema.optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
});
export type PartnerQuery = z.infer<typeof PartnerQuerySchema>;

export const PartnerListSchema = z.object({ items: z.array(PartnerSchema), canManage: z.boolean() });
