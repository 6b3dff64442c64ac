import type { SearchRequest, SearchResults } from '../../../shared/search.schema.js';
import type { Ctx } from '../../lib/context.js';
import { openMany } from '../../lib/fields.js';
import { authorizeCaseRole, caseListScope } from '../cases/cases.policy.js';
import { aliasIndex, normaliseAlias } from '../intake/alias.js';
import { normalisePhone, phoneIndex } from '../intake/phone.js';
import * as repo from './search.repository.js';

/** Results shown at most; more than that asks for a longer term rather than a longer list. */
export const SEARCH_LIMIT = 20;

/**
 * Finds cases by reference (or its beginning), by the caller's alias (exact, after normalisation) or by the
 * caller's phone number in any notation — the last two through their keyed hashes, so nothing is decrypted
 * to search. Only cases the case list would show the actor come back, and only their aliases are opened.
 * The term itself is never stored or logged: the route's access row records only that a search happened.
 */
export async function search(ctx: Ctx, input: SearchRequest): Promise<SearchResults> {
  authorizeCaseRole(ctx.actor, 'case.list');
  const term = input.term.trim();
  const alias = normaliseAlias(term);
  const e164 = normalisePhone(term);
  const rows = await repo.searchCases(
    ctx.db,
    { orgId: ctx.actor.orgId, ...caseListScope(ctx.actor) },
    {
      referencePrefix: term.toLowerCase(),
      ...(alias ? { aliasHmac: await aliasIndex(ctx, term) } : {}),
      ...(e164 ? { phoneHmac: await phoneIndex(ctx, e164) } : {}),
    },
    SEARCH_LIMIT + 1,
  );
  const shown = rows.slice(0, SEARCH_LIMIT);
  const aliases = await openMany(
    ctx,
    'callers',
    'alias',
    shown.map((r) => ({ id: r.caller_id, sealed: r.alias_enc })),
  );
  return {
    items: shown.map((r) => ({
      caseId: r.id,
      reference: r.reference,
      callerAlias: aliases.get(r.caller_id) ?? '',
      state: r.state,
      categoryId: r.category_id,
      urgent: r.urgent,
      matchedBy: r.matched_by,
    })),
    more: rows.length > SEARCH_LIMIT,
  };
}
