import type {
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  FormLanguage,
} from '../../../shared/consent.schema.js';
import type { PartnerType } from '../../../shared/partners.schema.js';

export interface ConsentsTable {
  id: string;
  org_id: string;
  case_id: string;
  given_by_enc: Uint8Array;
  categories: DataCategory[];
  partner_id: string | null;
  partner_type: PartnerType | null;
  purpose: ConsentPurpose;
  purpose_note_enc: Uint8Array | null;
  method: ConsentMethod;
  language: FormLanguage;
  given_on: string;
  valid_until: string;
  written_on: string | null;
  written_due_on: string | null;
  typed_name_enc: Uint8Array | null;
  drawn_signature_enc: Uint8Array | null;
  withdrawn_on: string | null;
  withdrawn_at: Date | null;
  withdrawal_note_enc: Uint8Array | null;
  recorded_by: string | null;
  created_at: Date;
  /** Evidence of a typed-name signature (signature_typed only); free text sealed. */
  typed_present_enc: Uint8Array | null;
  typed_device_enc: Uint8Array | null;
  typed_shown_text_enc: Uint8Array | null;
  typed_shown_sha256: Uint8Array | null;
  typed_signed_at: Date | null;
  typed_signed_by: string | null;
  /** A second staff member (a coordinator, never who took the signature) confirmed it. */
  typed_confirmed_by: string | null;
  typed_confirmed_at: Date | null;
}

export interface ConsentDocumentsTable {
  id: string;
  org_id: string;
  consent_id: string;
  file_name_enc: Uint8Array;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: Uint8Array;
  content_enc: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Date;
}

export interface ConsentTables {
  consents: ConsentsTable;
  consent_documents: ConsentDocumentsTable;
}
