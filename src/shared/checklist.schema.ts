import { z } from 'zod';

/** The admin's set-up steps, in the order they are best done. */
export const CHECKLIST_ITEMS = ['organisation', 'staff', 'counsellors', 'partners', 'consent'] as const;
export const ChecklistItemKeySchema = z.enum(CHECKLIST_ITEMS);
export type ChecklistItemKey = z.infer<typeof ChecklistItemKeySchema>;

export const ChecklistSchema = z.object({
  items: z.array(
    z.object({
      key: ChecklistItemKeySchema,
      done: z.boolean().describe('Computed from the organisation’s records, never ticked by hand'),
    }),
  ),
  allDone: z.boolean(),
  dismissed: z.boolean(),
});
export type Checklist = z.infer<typeof ChecklistSchema>;
