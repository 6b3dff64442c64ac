import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyKind, Term } from '../../../../shared/taxonomy.schema';
import { currentLanguage } from '../../../i18n';
import { createTerm, fetchTerms, TERMS_KEY, updateTerm } from '../api';

export function useTerms() {
  return useQuery({ queryKey: TERMS_KEY, queryFn: fetchTerms, staleTime: 5 * 60_000 });
}

/** The term's label in the UI language (falling back to Dutch). */
export function termLabel(term: Term | undefined): string {
  if (!term) return '—';
  return term.labels[currentLanguage()] || term.labels.nl;
}

/** Look-ups over the organisation's lists: label by id, and picker options per kind. */
export function useTaxonomy() {
  const terms = useTerms();
  const { i18n } = useTranslation();
  const items = terms.data?.items;
  return useMemo(() => {
    const byId = new Map((items ?? []).map((term) => [term.id, term]));
    const sorted = [...(items ?? [])].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
    return {
      query: terms,
      term: (id: string | null | undefined) => (id ? byId.get(id) : undefined),
      label: (id: string | null | undefined) => (id ? termLabel(byId.get(id)) : '—'),
      ofKind: (kind: TaxonomyKind) => sorted.filter((term) => term.kind === kind),
      /** Picker options: active terms only, plus the current value when it has been retired since. */
      options: (kind: TaxonomyKind, keep?: string | null) =>
        sorted
          .filter((term) => term.kind === kind && (term.active || term.id === keep))
          .map((term) => ({
            value: term.id,
            label:
              kind === 'category' || kind === 'intervention'
                ? `${term.code} · ${termLabel(term)}`
                : termLabel(term),
          })),
    };
    // i18n.language: labels change with the UI language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, i18n.language, terms]);
}

export function useTermMutations() {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: TERMS_KEY });
  return {
    create: useMutation({ mutationFn: createTerm, onSuccess: refresh }),
    update: useMutation({ mutationFn: updateTerm, onSuccess: refresh }),
  };
}
