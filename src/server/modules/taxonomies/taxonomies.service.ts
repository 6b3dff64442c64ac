import { randomUUID } from 'node:crypto';
import type { TaxonomyKind, Term, TermCreate, TermUpdate } from '../../../shared/taxonomy.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { audit } from '../audit/audit.service.js';
import { authorizeTaxonomy } from './taxonomies.policy.js';
import * as repo from './taxonomies.repository.js';

type TermRow = Awaited<ReturnType<typeof repo.listTerms>>[number];

function toTerm(r: TermRow): Term {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    labels: r.labels,
    active: r.active,
    requiresConsent: r.requires_consent,
    sort: r.sort,
  };
}

export async function listTerms(ctx: Ctx): Promise<{ items: Term[] }> {
  authorizeTaxonomy(ctx.actor, 'taxonomy.list');
  return { items: (await repo.listTerms(ctx.db, ctx.actor.orgId)).map(toTerm) };
}

export async function createTerm(ctx: Ctx, input: TermCreate): Promise<Term> {
  authorizeTaxonomy(ctx.actor, 'taxonomy.edit');
  const now = ctx.clock.now();
  const id = randomUUID();
  const existing = (await repo.listTerms(ctx.db, ctx.actor.orgId)).filter((t) => t.kind === input.kind);
  if (existing.some((t) => t.code.toLowerCase() === input.code.toLowerCase())) {
    throw new AppError('conflict', 'This code is already in the list', {
      errors: [{ field: 'code', reason: 'duplicate', message: 'This code is already in the list' }],
    });
  }
  await repo.insertTerm(ctx.db, {
    id,
    org_id: ctx.actor.orgId,
    kind: input.kind,
    code: input.code,
    labels: JSON.stringify(input.labels),
    sort: Math.max(0, ...existing.map((t) => t.sort)) + 1,
    created_at: now,
    updated_at: now,
  });
  await audit(ctx, {
    action: 'taxonomy.create',
    entity: 'taxonomy_term',
    entityId: id,
    changedFields: ['code', 'labels'],
    details: { kind: input.kind, code: input.code },
  });
  return toTerm((await repo.findTerm(ctx.db, id))!);
}

/** Relabels, reorders or retires a term. Terms are never deleted: old records keep pointing at them. */
export async function updateTerm(ctx: Ctx, id: string, input: TermUpdate): Promise<Term> {
  authorizeTaxonomy(ctx.actor, 'taxonomy.edit');
  const term = await repo.findTerm(ctx.db, id);
  if (!term || term.org_id !== ctx.actor.orgId) throw new AppError('not_found', 'No such term');
  const patch: { labels?: string; active?: boolean; sort?: number } = {};
  if (input.labels) patch.labels = JSON.stringify(input.labels);
  if (input.active !== undefined) patch.active = input.active;
  if (input.sort !== undefined) patch.sort = input.sort;
  const changed = Object.keys(patch);
  if (changed.length) {
    await repo.updateTerm(ctx.db, id, { ...patch, updated_at: ctx.clock.now() });
    await audit(ctx, {
      action: 'taxonomy.update',
      entity: 'taxonomy_term',
      entityId: id,
      changedFields: changed,
    });
  }
  return toTerm((await repo.findTerm(ctx.db, id))!);
}

/**
 * `assertTerm` for a set of ids, in one query whatever their number: every id must name an active term of the
 * right list in the actor's organisation.
 */
export async function assertTerms(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  ids: readonly string[],
  kind: TaxonomyKind,
  field: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await repo.findTerms(ctx.db, unique);
  const valid = new Set(
    found.filter((t) => t.org_id === ctx.actor.orgId && t.kind === kind && t.active).map((t) => t.id),
  );
  if (unique.some((id) => !valid.has(id))) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ field, reason: 'unknown_term', message: `Not an active ${kind}` }],
    });
  }
}

/** Checks that an id names an active term of the right list in the actor's organisation. */
export async function assertTerm(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: string,
  kind: TaxonomyKind,
  field: string,
): Promise<{ code: string; requiresConsent: boolean }> {
  const term = await repo.findTerm(ctx.db, id);
  if (!term || term.org_id !== ctx.actor.orgId || term.kind !== kind || !term.active) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ field, reason: 'unknown_term', message: `Not an active ${kind}` }],
    });
  }
  return { code: term.code, requiresConsent: term.requires_consent };
}
