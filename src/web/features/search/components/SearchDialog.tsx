import { Box, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SearchResult } from '../../../../shared/search.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { StateBadge, UrgentBadge } from '../../cases/components/CaseBadges';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useSearch } from '../useSearch';

const LIST_ID = 'search-results';
const optionId = (index: number) => `search-result-${index}`;

export function SearchIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** One result: reference, state, urgent, the caller's alias and the request category. */
function ResultRow({ item }: { item: SearchResult }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>
          <bdi dir="ltr">{item.reference}</bdi>
        </Text>
        <StateBadge state={item.state} />
        {item.urgent ? <UrgentBadge /> : null}
      </Group>
      <Text size="sm">
        <bdi>{item.callerAlias}</bdi>
      </Text>
      <Text size="xs" c="dimmed">
        {taxonomy.label(item.categoryId)} · {t(`search.matchedBy.${item.matchedBy}`)}
      </Text>
    </Stack>
  );
}

/**
 * The search dialog: a combobox over the results (arrow keys move, Enter opens, Escape closes), with its
 * empty, loading, no-results and error states. Full screen on a phone.
 */
export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 36em)');
  const [term, setTerm] = useState('');
  const [active, setActive] = useState(0);
  const { query, current, now } = useSearch(opened ? term : '');
  const items = term.trim() && query.data ? query.data.items : [];
  const selected = Math.min(active, items.length - 1);

  const close = () => {
    setTerm('');
    setActive(0);
    onClose();
  };
  const openResult = (item: SearchResult | undefined) => {
    if (!item) return;
    close();
    void navigate(`/cases/${item.caseId}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!items.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!term.trim()) return;
      if (current) openResult(items[selected]);
      // Enter before the results of what is typed came in: open the first one when they do.
      else
        void now().then(
          (found) => openResult(found.items[0]),
          () => undefined,
        );
    }
  };

  const typed = term.trim() !== '';
  const loading = typed && (!current || query.isFetching) && !query.isError;
  const none = typed && current && items.length === 0;
  const status = !typed
    ? ''
    : loading
      ? t('search.searching')
      : none
        ? t('search.noResults')
        : current
          ? t('search.count', { n: items.length })
          : '';

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('search.title')}
      fullScreen={phone === true}
      size="lg"
      yOffset="10vh"
      returnFocus
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('search.label')}
          description={t('search.hint')}
          value={term}
          onChange={(event) => {
            setTerm(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          leftSection={<SearchIcon />}
          rightSection={loading ? <Loader size="xs" aria-hidden="true" /> : null}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={items.length > 0}
          aria-controls={LIST_ID}
          aria-activedescendant={items.length ? optionId(selected) : undefined}
          dir="auto"
        />
        <Text size="sm" c="dimmed" aria-live="polite" role="status">
          {status}
        </Text>
        <ErrorAlert error={typed ? query.error : null} />
        {!typed ? (
          <Text size="sm" c="dimmed">
            {t('search.empty')}
          </Text>
        ) : null}
        {query.data?.more && items.length ? (
          <Text size="xs" c="dimmed">
            {t('search.more')}
          </Text>
        ) : null}
        <Box
          component="ul"
          id={LIST_ID}
          role="listbox"
          aria-label={t('search.results')}
          p={0}
          m={0}
          style={{ listStyle: 'none', opacity: current ? 1 : 0.6 }}
        >
          {items.map((item, index) => (
            // A pointer shortcut for the option; the keyboard works through the combobox (arrows, Enter).
            <Box
              component="li"
              key={item.caseId}
              id={optionId(index)}
              role="option"
              aria-selected={index === selected}
              p="sm"
              onMouseEnter={() => setActive(index)}
              onClick={() => openResult(item)}
              style={{
                cursor: 'pointer',
                borderRadius: 'var(--mantine-radius-sm)',
                background: index === selected ? 'var(--mantine-color-teal-light)' : undefined,
                outline: index === selected ? '2px solid var(--mantine-color-teal-8)' : undefined,
                outlineOffset: -2,
              }}
            >
              <ResultRow item={item} />
            </Box>
          ))}
        </Box>
      </Stack>
    </Modal>
  );
}
