import type { Generated, JSONColumnType } from 'kysely';

export interface JobsTable {
  id: string;
  org_id: string | null;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>>;
  dedupe_key: string | null;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Date;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface JobTables {
  jobs: JobsTable;
}
