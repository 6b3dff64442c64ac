import type { CallbackStatus, SiteLanguage, SitePage } from '../../../shared/public-site.schema.js';

/** Every save of a page is a new row; `live` marks the version visitors see (one per page and language). */
export interface PublicPageVersionsTable {
  id: string;
  org_id: string;
  page: SitePage;
  language: SiteLanguage;
  version: number;
  title: string;
  body: string;
  author_id: string | null;
  created_at: Date;
  published_at: Date | null;
  published_by: string | null;
  live: boolean;
}

/** A request for a call back from the public form: sealed like an intake, phone indexed by keyed HMAC. */
export interface CallbackRequestsTable {
  id: string;
  org_id: string;
  language: SiteLanguage;
  alias_enc: Uint8Array;
  phone_enc: Uint8Array;
  phone_hmac: Uint8Array;
  safe_times_enc: Uint8Array;
  may_leave_message: boolean;
  question_enc: Uint8Array | null;
  status: CallbackStatus;
  close_reason: string | null;
  contact_id: string | null;
  handled_by: string | null;
  handled_at: Date | null;
  created_at: Date;
}

export interface PublicSiteTables {
  public_page_versions: PublicPageVersionsTable;
  callback_requests: CallbackRequestsTable;
}
