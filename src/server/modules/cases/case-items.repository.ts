import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TaskKind } from '../../../shared/cases.schema.js';
import type {
  AlertsTable,
  CaseGoalsTable,
  CaseInterventionsTable,
  CaseLogTable,
  CaseObservationsTable,
  CaseSubjectsTable,
  SubjectStatusEventsTable,
  TasksTable,
} from './cases.table.js';

/** The items of a case (people, statuses, observations, goals, log, interventions, tasks) and its alerts. */

export async function insertSubject(db: Db, row: Insertable<CaseSubjectsTable>): Promise<void> {
  await db.insertInto('case_subjects').values(row).execute();
}

export async function subjectOfCase(db: Db, subjectId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_subjects')
    .select('id')
    .where('id', '=', subjectId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertStatusEvent(db: Db, row: Insertable<SubjectStatusEventsTable>): Promise<void> {
  await db.insertInto('subject_status_events').values(row).execute();
}

export async function insertObservation(db: Db, row: Insertable<CaseObservationsTable>): Promise<void> {
  await db.insertInto('case_observations').values(row).execute();
}

export async function insertGoal(db: Db, row: Insertable<CaseGoalsTable>): Promise<void> {
  await db.insertInto('case_goals').values(row).execute();
}

/** Whether a goal of the case was updated. */
export async function updateGoalStatus(
  db: Db,
  input: { caseId: string; goalId: string; status: CaseGoalsTable['status']; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('case_goals')
    .set({ status: input.status, updated_at: input.now })
    .where('id', '=', input.goalId)
    .where('case_id', '=', input.caseId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** One holder at a time per request id, until the transaction ends: a concurrent retry sees the first entry. */
export async function lockLogRequest(db: Db, requestId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`case_log:${requestId}`}))`.execute(db);
}

/** A log entry, unless its request id was already used in the organisation. */
export async function insertLogEntryOnce(db: Db, row: Insertable<CaseLogTable>): Promise<void> {
  await db
    .insertInto('case_log')
    .values(row)
    .onConflict((oc) => oc.columns(['org_id', 'request_id']).doNothing())
    .execute();
}

export async function insertIntervention(db: Db, row: Insertable<CaseInterventionsTable>): Promise<void> {
  await db.insertInto('case_interventions').values(row).execute();
}

/** An active user who might be given a task (the policy decides). */
export async function activeUser(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

/** Whether a task of the case was updated. */
export async function setTaskDone(
  db: Db,
  input: { caseId: string; taskId: string; doneAt: Date | null },
): Promise<boolean> {
  const r = await db
    .updateTable('tasks')
    .set({ done_at: input.doneAt })
    .where('id', '=', input.taskId)
    .where('case_id', '=', input.caseId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Marks the open system tasks of a kind made for `refId` done; returns their ids. */
export async function completeOpenTasks(
  db: Db,
  input: { refId: string; kind: TaskKind; now: Date },
): Promise<string[]> {
  const rows = await db
    .updateTable('tasks')
    .set({ done_at: input.now })
    .where('ref_id', '=', input.refId)
    .where('kind', '=', input.kind)
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Cancels a case's open aftercare check-ins; returns their ids. */
export async function cancelOpenAftercareTasks(db: Db, caseId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable('tasks')
    .set({ cancelled_at: now })
    .where('case_id', '=', caseId)
    .where('kind', '=', 'aftercare')
    .where('done_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** What a task's due-day reminder needs to know. */
export async function taskForReminder(db: Db, taskId: string) {
  return db
    .selectFrom('tasks')
    .select(['case_id', 'assignee_id', 'done_at', 'cancelled_at'])
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export async function insertAlerts(db: Db, rows: Insertable<AlertsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('alerts').values(rows).execute();
}
