import { z } from 'zod';
import { Text } from './text.schema.js';

export const PROVINCES = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export const ProvinceSchema = z.enum(PROVINCES);

export const MunicipalitySchema = z.object({
  id: z.uuid(),
  name: Text,
  province: ProvinceSchema,
  active: z.boolean(),
});
export const MunicipalityListSchema = z.object({ items: z.array(MunicipalitySchema) });
export const MunicipalityCreateSchema = z.object({
  name: Text.trim().min(2).max(80),
  province: ProvinceSchema,
});
