import { Badge, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_SEARCH_MAX, type KnowledgeHit } from '../../../../shared/knowledge.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useHandbookSearch } from '../hooks';
import { Snippet } from './Snippet';

interface HandbookSearchProps {
  /** Opens a hit: in the drawer on the case page, on the article page elsewhere. */
  onOpen: (hit: KnowledgeHit) => void;
  /** Distinguishes the field when two searches could be on one screen. */
  idPrefix?: string;
}

/** Searches the handbook on submit; the term stays in this component (never in the address bar). */
export function HandbookSearch({ onOpen, idPrefix = 'handbook' }: HandbookSearchProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [term, setTerm] = useState('');
  const search = useHandbookSearch(term);
  const items = term && search.data ? search.data.items : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    setTerm(draft.trim());
  }

  return (
    <Stack gap="sm">
      <form onSubmit={submit} role="search" aria-label={t('knowledge.search.label')}>
        <Group align="flex-end" wrap="nowrap" gap="xs">
          <TextInput
            id={`${idPrefix}-search`}
            type="search"
            label={t('knowledge.search.label')}
            description={t('knowledge.search.hint')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            maxLength={KNOWLEDGE_SEARCH_MAX}
            autoComplete="off"
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={search.isFetching}>
            {t('knowledge.search.submit')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={search.error} />
      {term && search.isPending ? <Loading /> : null}
      {term && search.isSuccess ? (
        <Text size="sm" role="status">
          {items.length === 0
            ? t('knowledge.search.none')
            : t('knowledge.search.count', { count: items.length })}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((hit) => (
            <li key={`${hit.articleId}:${hit.language}`}>
              <UnstyledButton
                onClick={() => onOpen(hit)}
                p="xs"
                w="100%"
                style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-4)' }}
              >
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} lang={hit.language}>
                    <bdi>{hit.title}</bdi>
                  </Text>
                  <Badge variant="light" color="gray" lang={hit.language}>
                    {LANGUAGE_NAMES[hit.language]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t(`knowledge.categories.${hit.category}`)}
                </Text>
                <Snippet text={hit.snippet} lang={hit.language} />
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
