export interface FunderReportsTable {
  org_id: string;
  year: number;
  /** Written by a coordinator for funders; no case content, so not sealed (but every change is audited). */
  narrative: string;
  updated_by: string;
  updated_at: Date;
}

/** The rollup read model (migration 0032): counts of requests per complete day, no row-level data. */
export interface ReportDailyRequestsTable {
  org_id: string;
  day: string;
  category_id: string | null;
  channel: string | null;
  outcome: string | null;
  municipality: string | null;
  province: string;
  n: number;
}

/** The same counts without the place (fewer rows: the dashboard's request panels read them). */
export interface ReportDailyRequestKindsTable {
  org_id: string;
  day: string;
  category_id: string | null;
  channel: string | null;
  outcome: string | null;
  n: number;
}

/** Per case: the day of its first contact and its durations in hours (null until the event happened). */
export interface ReportCaseTimesTable {
  org_id: string;
  case_id: string;
  start_day: string;
  category_id: string | null;
  province: string;
  hours_to_assignment: number | null;
  hours_to_first_contact: number | null;
}

/** Per organisation: the last complete day in the rollup, and when it was refreshed. */
export interface ReportRollupsTable {
  org_id: string;
  through: string;
  refreshed_at: Date;
}

export interface ReportTables {
  funder_reports: FunderReportsTable;
  report_daily_requests: ReportDailyRequestsTable;
  report_daily_request_kinds: ReportDailyRequestKindsTable;
  report_case_times: ReportCaseTimesTable;
  report_rollups: ReportRollupsTable;
}
