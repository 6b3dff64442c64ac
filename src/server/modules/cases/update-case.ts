import type { z } from 'zod';
import type { CaseUpdateSchema } from '../../../shared/cases.schema.js';
import type { Ctx } from '../../lib/context.js';
import { sealText } from '../../lib/fields.js';
import { audit } from '../audit/audit.service.js';
import { assertTerm } from '../taxonomies/taxonomies.service.js';
import * as repo from './cases.repository.js';
import { loadCase } from './cases.service.js';

/** Changing a case's fields. */

export async function updateCase(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof CaseUpdateSchema>,
): Promise<void> {
  const { row } = await loadCase(ctx, id, 'case.edit');
  const patch: {
    summary_enc?: Buffer;
    support_level?: typeof input.supportLevel;
    urgent?: boolean;
    pref_gender?: string | null;
    pref_background_enc?: Buffer | null;
    pref_language?: string | null;
  } = {};
  if (input.preferences) {
    if (input.preferences.backgroundId)
      await assertTerm(ctx, input.preferences.backgroundId, 'background', 'preferences.backgroundId');
    patch.pref_gender = input.preferences.counsellorGender;
    patch.pref_background_enc = input.preferences.backgroundId
      ? await sealText(ctx, 'cases', 'pref_background', id, input.preferences.backgroundId)
      : null;
    patch.pref_language = input.preferences.language;
  }
  if (input.summary !== undefined)
    patch.summary_enc = await sealText(ctx, 'cases', 'summary', id, input.summary);
  if (input.supportLevel !== undefined) patch.support_level = input.supportLevel;
  if (input.urgent !== undefined && input.urgent !== row.urgent) patch.urgent = input.urgent;
  const changed = [
    ...new Set(
      Object.keys(patch).map((k) => (k.startsWith('pref_') ? 'preferences' : k.replace(/_enc$/, ''))),
    ),
  ];
  if (!changed.length) return;
  const now = ctx.clock.now();
  await repo.updateCase(ctx.db, id, { ...patch, last_activity_at: now, updated_at: now });
  await audit(ctx, { action: 'case.update', entity: 'case', entityId: id, changedFields: changed });
}
