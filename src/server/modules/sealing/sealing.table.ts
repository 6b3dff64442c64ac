/** Clear values left by versions before 0012, waiting to be sealed at start-up; empty once sealed. */
export interface SealingBacklogTable {
  org_id: string;
  table_name: string;
  column_name: string;
  row_id: string;
  value: string;
}

export interface SealingTables {
  sealing_backlog: SealingBacklogTable;
}
