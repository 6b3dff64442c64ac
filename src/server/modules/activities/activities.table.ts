import type { ActivityAudience } from '../../../shared/activities.schema.js';

/** A training course an activity type requires of the counsellors who facilitate it. */
export interface ActivityTypeCoursesTable {
  term_id: string;
  org_id: string;
  course_id: string;
  updated_at: Date;
}

export interface ActivitiesTable {
  id: string;
  org_id: string;
  type_id: string;
  title: string;
  held_on: string;
  start_time: string;
  end_time: string;
  place: string;
  municipality_id: string;
  host_partner_id: string | null;
  languages: string[];
  audience: ActivityAudience;
  is_public: boolean;
  cancelled: boolean;
  /** A count of attendees: the helpline records no names of the people who came. */
  attendees: number | null;
  materials_enc: Uint8Array | null;
  evaluation_enc: Uint8Array | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ActivityFacilitatorsTable {
  activity_id: string;
  user_id: string;
  org_id: string;
}

export interface ActivityPartnersTable {
  activity_id: string;
  partner_id: string;
  org_id: string;
}

/** Follow-up tasks of an activity (case tasks belong to a case, so they do not fit here). */
export interface ActivityTasksTable {
  id: string;
  org_id: string;
  activity_id: string;
  title_enc: Uint8Array;
  due_on: string | null;
  assignee_id: string | null;
  done_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface ActivityTables {
  activity_type_courses: ActivityTypeCoursesTable;
  activities: ActivitiesTable;
  activity_facilitators: ActivityFacilitatorsTable;
  activity_partners: ActivityPartnersTable;
  activity_tasks: ActivityTasksTable;
}
