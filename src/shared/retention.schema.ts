import { z } from 'zod';

/** The range an admin may choose for each retention period, in days. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 365;

const Days = z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS);

/** How long the organisation keeps what it no longer needs, before a job erases it. */
export const RetentionSettingsSchema = z.object({
  peerNotesDays: Days.describe(
    "Days a withdrawn peer-network member's notes are kept before they are erased (30–365)",
  ),
  callbackDays: Days.describe(
    'Days an unanswered callback request from the public site is kept before it is purged (30–365); handled ones are purged at once',
  ),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;
