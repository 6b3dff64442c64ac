export interface FunderReportsTable {
  org_id: string;
  year: number;
  /** Written by a coordinator for funders; no case content, so not sealed (but every change is audited). */
  narrative: string;
  updated_by: string;
  updated_at: Date;
}

export interface ReportTables {
  funder_reports: FunderReportsTable;
}
