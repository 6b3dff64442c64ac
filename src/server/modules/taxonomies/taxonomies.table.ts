import type { Generated, JSONColumnType } from 'kysely';
import type { Labels, TaxonomyKind } from '../../../shared/taxonomy.schema.js';

export interface TaxonomyTermsTable {
  id: string;
  org_id: string;
  kind: TaxonomyKind;
  code: string;
  labels: JSONColumnType<Labels>;
  active: Generated<boolean>;
  requires_consent: Generated<boolean>;
  sort: Generated<number>;
  created_at: Date;
  updated_at: Date;
}

export interface TaxonomyTables {
  taxonomy_terms: TaxonomyTermsTable;
}
